#include "monitoring/probes.h"

#include <QElapsedTimer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace mp::monitoring {

namespace {

void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};

size_t collect(char *data, size_t size, size_t count, void *target)
{
    auto *body = static_cast<QByteArray *>(target);
    const size_t n = size * count;
    if (body->size() + qsizetype(n) > Probes::kMaxBody)
        return 0; // curl stops with a write error: a page this big is not an exporter's
    body->append(data, qsizetype(n));
    return n;
}

} // namespace

bool Probes::splitHostPort(const QString &hostPort, QString *host, quint16 *port)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString h = hostPort.left(colon);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const int p = hostPort.mid(colon + 1).toInt(&ok);
    if (!ok || p < 1 || p > 65535 || h.isEmpty())
        return false;
    *host = h;
    *port = quint16(p);
    return true;
}

HttpProbe Probes::httpGet(const QString &url, int timeoutMs)
{
    initCurl();
    HttpProbe out;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        out.error = QStringLiteral("curl could not start");
        return out;
    }
    const QByteArray u = url.toUtf8();
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, u.constData());
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "mpanel-monitoring/1");
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &collect);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &out.body);
    QElapsedTimer timer;
    timer.start();
    const CURLcode code = curl_easy_perform(curl.get());
    out.latencyMs = int(timer.elapsed());
    if (code != CURLE_OK) {
        out.error = QString::fromUtf8(errorText[0] ? errorText : curl_easy_strerror(code));
        return out;
    }
    out.reached = true;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &out.status);
    return out;
}

TcpProbe Probes::tcpConnect(const QString &hostPort, int timeoutMs)
{
    TcpProbe out;
    QString host;
    quint16 port = 0;
    if (!splitHostPort(hostPort, &host, &port)) {
        out.error = QStringLiteral("the target is not host:port");
        return out;
    }
    QTcpSocket socket;
    QElapsedTimer timer;
    timer.start();
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs)) {
        out.latencyMs = int(timer.elapsed());
        out.error = socket.errorString();
        return out;
    }
    out.latencyMs = int(timer.elapsed());
    out.reached = true;
    socket.abort();
    return out;
}

TlsProbe Probes::tlsHandshake(const QString &hostPort, int timeoutMs)
{
    TlsProbe out;
    QString host;
    quint16 port = 0;
    if (!splitHostPort(hostPort, &host, &port)) {
        out.error = QStringLiteral("the target is not host:port");
        return out;
    }
    QSslSocket socket;
    QStringList verifyErrors;
    // Verification errors are recorded, not fatal: the check is about the certificate's dates,
    // and a host with an expired certificate must still show us that certificate.
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            verifyErrors << e.errorString();
        socket.ignoreSslErrors(errors);
    });
    QElapsedTimer timer;
    timer.start();
    socket.connectToHostEncrypted(host, port, host);
    if (!socket.waitForEncrypted(timeoutMs)) {
        out.latencyMs = int(timer.elapsed());
        out.error = socket.errorString();
        return out;
    }
    out.latencyMs = int(timer.elapsed());
    const QSslCertificate cert = socket.peerCertificate();
    if (cert.isNull()) {
        out.error = QStringLiteral("the peer sent no certificate");
        return out;
    }
    out.reached = true;
    out.expiresAt = cert.expiryDate().toUTC();
    out.subject = cert.subjectDisplayName();
    verifyErrors.removeDuplicates();
    out.verifyErrors = verifyErrors.join(QStringLiteral("; "));
    socket.abort();
    return out;
}

} // namespace mp::monitoring
