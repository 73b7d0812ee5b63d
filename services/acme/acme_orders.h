#pragma once

#include "acme/acme_order.h"
#include "acme/acme_session.h"

namespace mp {

// The steps of an issuance on an AcmeSession with an account, each one a few requests, so a job
// can record where it got to between them (an order's URL, before its challenges are published)
// and a retry resumes the recorded order instead of placing another.
class AcmeOrders {
public:
    explicit AcmeOrders(AcmeSession &session) : m_session(session) {}

    // newOrder for `names`. `replaces`: the ARI id of the certificate this one renews.
    Result<AcmeOrder> place(const QStringList &names, const QString &replaces = {});
    Result<AcmeOrder> fetch(const QUrl &orderUrl);
    // The challenges of `type` still to be answered: an authorization that is already valid needs
    // none; one that is invalid ends the order (acme_challenge_failed with the CA's words).
    Result<QList<AcmeChallengeTask>> challenges(const AcmeOrder &order, const QString &type);
    // Asks the CA to validate and waits until the authorization is valid; a failed validation is
    // acme_challenge_failed with the CA's words.
    Status answer(const AcmeChallengeTask &task);
    // Waits for the order to be ready, finalizes it with the CSR and waits for it to be valid.
    Result<AcmeOrder> finalize(const AcmeOrder &order, const QByteArray &csrDer);
    // The certificate with its chain, leaf first (PEM).
    Result<QByteArray> download(const AcmeOrder &order);
    // revokeCert, signed by the account that ordered it. `reason`: RFC 5280 reason code.
    Status revoke(const QByteArray &certificateDer, int reason = 0);
    // ARI, where the directory offers it: the CA's suggested renewal window for `certId`
    // (AcmeCertificateInfo::ariId). An error when the CA offers no ARI.
    Result<AcmeRenewalInfo> renewalInfo(const QString &certId);

private:
    Result<AcmeOrder> waitForOrder(const QUrl &url, const QStringList &untilAny);
    qint64 pollDelay(qint64 retryAfterMs) const;

    AcmeSession &m_session;
};

} // namespace mp
