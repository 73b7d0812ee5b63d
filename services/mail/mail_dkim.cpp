#include "mail/mail_dkim.h"

#include "core/errors.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <QRandomGenerator>

#include <memory>

namespace mp::mail {

namespace {

struct KeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};

Error failed(const char *what)
{
    return makeError(errors::Internal,
                     QStringLiteral("DKIM key generation failed: %1").arg(QLatin1String(what)));
}

} // namespace

Result<DkimKeyPair> Dkim::generate(const QDateTime &now)
{
    std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_RSA_gen(2048));
    if (!key)
        return failed("RSA 2048");
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return failed("PEM");
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    DkimKeyPair pair;
    pair.privatePem = QString::fromLatin1(data, size);

    unsigned char *der = nullptr;
    const int derSize = i2d_PUBKEY(key.get(), &der);
    if (derSize <= 0)
        return failed("public key");
    pair.publicKey = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(der), derSize).toBase64());
    OPENSSL_free(der);

    // Time-stamped so selectors sort by age; the random tail keeps two keys made in one minute apart.
    pair.selector = QStringLiteral("mp%1%2")
                        .arg(now.toUTC().toString(QStringLiteral("yyyyMMddHHmm")))
                        .arg(QRandomGenerator::system()->bounded(1000), 3, 10, QLatin1Char('0'));
    return pair;
}

QString Dkim::txtRecord(const QString &publicKey)
{
    return QStringLiteral("v=DKIM1; k=rsa; p=") + publicKey;
}

QString Dkim::ownerName(const QString &selector, const QString &domain)
{
    return selector + QStringLiteral("._domainkey.") + domain + u'.';
}

} // namespace mp::mail
