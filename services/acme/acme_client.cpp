#include "acme/acme_client.h"

#include <QNetworkAccessManager>

namespace mp {

AcmeClient::AcmeClient(AcmeSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
}

AcmeCall *AcmeClient::send(AcmeCall::Request request)
{
    AcmeCall *call = nullptr;
    if (auto valid = m_settings.validate(); !valid)
        call = new AcmeCall(valid.error(), this);
    else
        call = new AcmeCall(m_network, m_settings, std::move(request), this);
    call->start();
    return call;
}

AcmeCall *AcmeClient::get(const QUrl &url)
{
    return send({"GET", url, {}});
}

AcmeCall *AcmeClient::head(const QUrl &url)
{
    return send({"HEAD", url, {}});
}

AcmeCall *AcmeClient::post(const QUrl &url, const QByteArray &jws)
{
    return send({"POST", url, jws});
}

} // namespace mp
