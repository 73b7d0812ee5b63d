#include "notifications/smtp_client.h"

#include "notifications/mail_headers.h"

#include <curl/curl.h>

#include <QDateTime>
#include <QList>

#include <memory>
#include <mutex>

namespace mp::notifications {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
struct EasyDeleter {
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};
struct MimeDeleter {
    void operator()(curl_mime *mime) const { curl_mime_free(mime); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

void append(Slist &list, const QString &line)
{
    curl_slist *next = curl_slist_append(list.get(), line.toUtf8().constData());
    if (next) {
        (void)list.release();
        list.reset(next);
    }
}

QByteArray relayUrl(const SmtpRelay &relay)
{
    const QString host = relay.host.contains(u':') ? QStringLiteral("[%1]").arg(relay.host) : relay.host;
    const QString scheme = relay.tlsMode == TlsMode::Tls ? QStringLiteral("smtps") : QStringLiteral("smtp");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(relay.port).toUtf8();
}

// Auth failures (530, 534, 535, 538) are the tenant's settings, which staff can fix: retried.
bool refusedForGood(long code)
{
    return code >= 500 && code < 600 && code != 530 && code != 534 && code != 535 && code != 538;
}

// The text and HTML alternatives, then each attachment; curl encodes and writes the MIME.
curl_mime *buildMime(CURL *curl, const MailMessage &m, QList<QByteArray> &keep)
{
    curl_mime *mime = curl_mime_init(curl);
    curl_mime *alternatives = curl_mime_init(curl);
    keep << m.text.toUtf8() << m.html.toUtf8();
    curl_mimepart *text = curl_mime_addpart(alternatives);
    curl_mime_data(text, keep.at(keep.size() - 2).constData(), size_t(keep.at(keep.size() - 2).size()));
    curl_mime_type(text, "text/plain; charset=utf-8");
    curl_mime_encoder(text, "quoted-printable");
    curl_mimepart *html = curl_mime_addpart(alternatives);
    curl_mime_data(html, keep.last().constData(), size_t(keep.last().size()));
    curl_mime_type(html, "text/html; charset=utf-8");
    curl_mime_encoder(html, "quoted-printable");

    curl_mimepart *body = curl_mime_addpart(mime);
    curl_mime_subparts(body, alternatives);
    curl_mime_type(body, "multipart/alternative");
    for (const MailAttachment &a : m.attachments) {
        curl_mimepart *part = curl_mime_addpart(mime);
        curl_mime_data(part, a.data.constData(), size_t(a.data.size()));
        curl_mime_type(part, a.mimeType.constData());
        keep << a.fileName.toUtf8();
        curl_mime_filename(part, keep.last().constData());
        curl_mime_encoder(part, "base64");
    }
    return mime;
}

} // namespace

SmtpRelay SmtpRelay::from(const MailSettings &settings, const QString &caFile)
{
    SmtpRelay relay;
    relay.host = settings.host;
    relay.port = settings.port;
    relay.tlsMode = settings.tlsMode;
    relay.user = settings.user;
    relay.password = settings.password;
    relay.caFile = caFile;
    return relay;
}

SmtpOutcome SmtpClient::send(const SmtpRelay &relay, const MailMessage &m)
{
    initCurlOnce();
    SmtpOutcome outcome;
    std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
    if (!curl) {
        outcome.error = QStringLiteral("could not start libcurl");
        return outcome;
    }
    CURL *c = curl.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = relayUrl(relay);
    const QByteArray from = QStringLiteral("<%1>").arg(m.fromAddress).toUtf8();
    const QByteArray user = relay.user.toUtf8();
    const QByteArray password = relay.password.toUtf8();
    const QByteArray caFile = relay.caFile.toUtf8();
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(relay.connectTimeoutS));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(relay.timeoutS));
    // STARTTLS must succeed: a relay that does not offer it fails the attempt instead of
    // getting the password and the mail in clear.
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     long(relay.tlsMode == TlsMode::None ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    Slist recipients;
    append(recipients, QStringLiteral("<%1>").arg(m.toAddress));
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());

    Slist headers;
    append(headers, QStringLiteral("Date: ") + MailHeaders::date(QDateTime::currentDateTimeUtc()));
    append(headers, QStringLiteral("From: ") + MailHeaders::mailbox(m.fromName, m.fromAddress));
    append(headers, QStringLiteral("To: ") + MailHeaders::mailbox(m.toName, m.toAddress));
    if (!m.replyTo.isEmpty())
        append(headers, QStringLiteral("Reply-To: ") + m.replyTo);
    append(headers, QStringLiteral("Subject: ") + MailHeaders::encodeWords(m.subject));
    append(headers, QStringLiteral("Message-ID: <%1>").arg(m.messageId));
    if (!m.language.isEmpty())
        append(headers, QStringLiteral("Content-Language: ") + m.language);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    QList<QByteArray> keep;
    std::unique_ptr<curl_mime, MimeDeleter> mime(buildMime(c, m, keep));
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

    const CURLcode code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &outcome.responseCode);
    if (code == CURLE_OK) {
        outcome.sent = true;
        return outcome;
    }
    const QString detail = QString::fromUtf8(errorBuffer).trimmed();
    outcome.error = detail.isEmpty()
                        ? QString::fromUtf8(curl_easy_strerror(code))
                        : QStringLiteral("%1: %2").arg(QString::fromUtf8(curl_easy_strerror(code)), detail);
    if (outcome.responseCode > 0)
        outcome.error += QStringLiteral(" (SMTP %1)").arg(outcome.responseCode);
    outcome.permanent = code != CURLE_LOGIN_DENIED && refusedForGood(outcome.responseCode);
    return outcome;
}

} // namespace mp::notifications
