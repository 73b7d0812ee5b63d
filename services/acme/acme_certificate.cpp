#include "acme/acme_certificate.h"

#include "acme/acme_errors.h"
#include "acme/acme_key.h"

#include <QSslCertificate>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace mp {

namespace {

// RFC 9773's id: the AKI's key identifier and the serial's DER content octets (a leading zero
// byte when the high bit is set), each base64url.
QString ariIdOf(const QByteArray &der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &p, long(der.size())), X509_free);
    if (!cert)
        return {};
    const ASN1_OCTET_STRING *aki = X509_get0_authority_key_id(cert.get());
    const ASN1_INTEGER *serial = X509_get0_serialNumber(cert.get());
    if (!aki || !serial)
        return {};
    QByteArray serialBytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(serial)),
                           ASN1_STRING_length(serial));
    if (!serialBytes.isEmpty() && (uchar(serialBytes.at(0)) & 0x80))
        serialBytes.prepend('\0');
    const QByteArray akiBytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(aki)),
                              ASN1_STRING_length(aki));
    return QString::fromLatin1(base64Url(akiBytes) + '.' + base64Url(serialBytes));
}

} // namespace

Result<AcmeCertificateInfo> AcmeCertificateInfo::fromPemChain(const QByteArray &pem)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("no PEM certificate in the CA's answer"));
    const QSslCertificate &leaf = chain.first();
    AcmeCertificateInfo info;
    info.notBefore = leaf.effectiveDate().toUTC();
    info.notAfter = leaf.expiryDate().toUTC();
    info.serialHex = QString::fromLatin1(leaf.serialNumber()).remove(u':').toLower();
    info.issuer = leaf.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    if (info.issuer.isEmpty())
        info.issuer = leaf.issuerDisplayName();
    info.names = leaf.subjectAlternativeNames().values(QSsl::DnsEntry);
    info.leafDer = leaf.toDer();
    info.ariId = ariIdOf(info.leafDer);
    info.chainLength = int(chain.size());
    return info;
}

QDateTime AcmeCertificateInfo::renewalDue() const
{
    const qint64 lifetime = notBefore.msecsTo(notAfter);
    return notBefore.addMSecs(lifetime - lifetime / 3);
}

} // namespace mp
