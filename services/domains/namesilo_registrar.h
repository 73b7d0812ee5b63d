#pragma once

#include "domains/registrar.h"
#include "namesilo/namesilo_settings.h"

#include <functional>

namespace mp::domains {

// The Registrar interface on Namesilo's API: each operation is one blocking Namesilo call
// (runNamesiloCall), its reply read into the interface's types and its failures sorted into
// the interface's three error codes with Namesilo's words kept.
class NamesiloRegistrar final : public Registrar {
public:
    NamesiloRegistrar(NamesiloSettings settings, std::function<bool()> stopRequested = {});

    QString id() const override { return QStringLiteral("namesilo"); }
    int maxAvailabilityNames() const override;
    Result<QList<Availability>> checkAvailability(const QStringList &names) override;
    Result<RegistrarDomain> domainInfo(const QString &name) override;
    Result<QList<RegistrarDomain>> listDomains() override;
    Status registerDomain(const DomainOrder &order) override;
    Status renew(const QString &name, int years) override;
    Status transfer(const DomainOrder &order) override;
    Result<TransferState> transferStatus(const QString &name) override;
    Status setNameservers(const QString &name, const QStringList &nameservers) override;
    Status setLocked(const QString &name, bool locked) override;
    Status requestAuthCode(const QString &name) override;
    Status addDs(const QString &name, const DsRecord &ds) override;
    Status removeDs(const QString &name, const DsRecord &ds) override;
    Result<QList<RegistrarPrice>> prices() override;

private:
    NamesiloSettings m_settings;
    std::function<bool()> m_stop;
};

} // namespace mp::domains
