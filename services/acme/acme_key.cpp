#include "acme/acme_key.h"

#include "acme/acme_errors.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace mp {

namespace {

Error keyError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return makeError(errors::AcmeKey,
                     code ? QStringLiteral("%1: %2").arg(what, QString::fromLatin1(text)) : what);
}

template<class T, void (*Free)(T *)> struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Sig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;
using Req = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

} // namespace

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

AcmeKey::AcmeKey(EVP_PKEY *key) : m_key(key, EVP_PKEY_free) {}

Result<AcmeKey> AcmeKey::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key)
        return keyError(QStringLiteral("could not generate a P-256 key"));
    return AcmeKey(key);
}

Result<AcmeKey> AcmeKey::fromPem(const QByteArray &pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key)
        return keyError(QStringLiteral("the stored key is not a PEM private key"));
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC || EVP_PKEY_get_bits(key) != 256) {
        EVP_PKEY_free(key);
        return makeError(errors::AcmeKey, QStringLiteral("the stored key is not an ECDSA P-256 key"));
    }
    return AcmeKey(key);
}

QByteArray AcmeKey::toPem() const
{
    if (!m_key)
        return {};
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return bioBytes(bio.get());
}

QJsonObject AcmeKey::jwk() const
{
    unsigned char point[65] = {};
    size_t length = 0;
    if (!m_key ||
        !EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point,
                                         &length) ||
        length != 65 || point[0] != 0x04)
        return {};
    const QByteArray raw(reinterpret_cast<const char *>(point), 65);
    return {{QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("x"), QString::fromLatin1(base64Url(raw.mid(1, 32)))},
            {QStringLiteral("y"), QString::fromLatin1(base64Url(raw.mid(33, 32)))}};
}

QByteArray AcmeKey::thumbprint() const
{
    // QJsonObject keeps its members sorted, and Compact leaves out every space: RFC 7638's form.
    const QByteArray canonical = QJsonDocument(jwk()).toJson(QJsonDocument::Compact);
    return base64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256));
}

Result<QByteArray> AcmeKey::signEs256(const QByteArray &data) const
{
    if (!m_key)
        return makeError(errors::AcmeKey, QStringLiteral("no key to sign with"));
    MdCtx ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) != 1)
        return keyError(QStringLiteral("could not sign"));
    QByteArray der(int(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) != 1)
        return keyError(QStringLiteral("could not sign"));
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    Sig sig(d2i_ECDSA_SIG(nullptr, &p, long(length)));
    if (!sig)
        return keyError(QStringLiteral("could not read the signature"));
    QByteArray raw(64, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, 32) != 32 ||
        BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + 32, 32) != 32)
        return keyError(QStringLiteral("the signature does not fit ES256"));
    return raw;
}

Result<QByteArray> AcmeKey::csr(const QStringList &names) const
{
    if (!m_key || names.isEmpty())
        return makeError(errors::AcmeKey, QStringLiteral("a CSR needs a key and at least one name"));
    Req req(X509_REQ_new());
    if (!req || X509_REQ_set_version(req.get(), 0) != 1 || X509_REQ_set_pubkey(req.get(), m_key.get()) != 1)
        return keyError(QStringLiteral("could not start the CSR"));
    const QByteArray cn = names.first().toUtf8();
    if (cn.size() <= 64) {
        X509_NAME *subject = X509_REQ_get_subject_name(req.get());
        if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char *>(cn.constData()),
                                       int(cn.size()), -1, 0) != 1)
            return keyError(QStringLiteral("could not set the CSR's subject"));
    }
    QStringList sans;
    for (const QString &name : names)
        sans << QStringLiteral("DNS:") + name;
    const QByteArray sanText = sans.join(u',').toUtf8();
    STACK_OF(X509_EXTENSION) *extensions = sk_X509_EXTENSION_new_null();
    X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, sanText.constData());
    const bool added = extensions && san && sk_X509_EXTENSION_push(extensions, san) > 0 &&
                       X509_REQ_add_extensions(req.get(), extensions) == 1;
    if (!added && san && (!extensions || sk_X509_EXTENSION_num(extensions) == 0))
        X509_EXTENSION_free(san);
    sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
    if (!added)
        return keyError(QStringLiteral("could not add the names to the CSR"));
    if (X509_REQ_sign(req.get(), m_key.get(), EVP_sha256()) <= 0)
        return keyError(QStringLiteral("could not sign the CSR"));
    const int length = i2d_X509_REQ(req.get(), nullptr);
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (length <= 0 || i2d_X509_REQ(req.get(), &out) != length)
        return keyError(QStringLiteral("could not encode the CSR"));
    return der;
}

} // namespace mp
