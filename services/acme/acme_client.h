#pragma once

#include "acme/acme_call.h"
#include "acme/acme_settings.h"

#include <QObject>

class QNetworkAccessManager;

namespace mp {

// The transport to one ACME CA: unsigned GET and HEAD, and POST of a body AcmeSession signed.
// Every method returns a started call (a child of the client). Threads: a client and its calls
// belong to the thread that made it; a job-engine worker goes through AcmeSession, which makes
// each call with runOnWorkerThread.
class AcmeClient : public QObject {
    Q_OBJECT
public:
    explicit AcmeClient(AcmeSettings settings, QObject *parent = nullptr);

    AcmeCall *get(const QUrl &url);
    AcmeCall *head(const QUrl &url); // newNonce
    AcmeCall *post(const QUrl &url, const QByteArray &jws);

private:
    AcmeCall *send(AcmeCall::Request request);

    AcmeSettings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace mp
