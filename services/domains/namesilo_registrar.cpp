#include "domains/namesilo_registrar.h"

#include "domains/domains_errors.h"
#include "namesilo/namesilo_blocking.h"
#include "namesilo/namesilo_errors.h"

namespace mp::domains {

namespace {

// Namesilo's "Domain is not active, or does not belong to this user".
constexpr int kNotInAccount = 200;
// Already locked / unlocked: the state asked for is there.
constexpr int kAlreadyLocked = 252;
constexpr int kAlreadyUnlocked = 253;

using Call = std::function<NamesiloCall *(NamesiloClient &)>;

bool yes(const QString &text)
{
    return text.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

NamesiloOrder namesiloOrder(const DomainOrder &order)
{
    NamesiloOrder o;
    o.domain = order.name;
    o.years = order.years;
    o.nameservers = order.nameservers;
    o.authCode = order.authCode;
    o.privacy = order.privacy;
    o.autoRenew = order.autoRenew;
    const Registrant &r = order.registrant;
    o.contact = NamesiloContact{r.firstName, r.lastName,   r.company, r.address, r.address2, r.city,
                                r.region,    r.postalCode, r.country, r.email,   r.phone};
    return o;
}

} // namespace

NamesiloRegistrar::NamesiloRegistrar(NamesiloSettings settings, std::function<bool()> stopRequested)
    : m_settings(NamesiloSettings::withEnvironment(std::move(settings))), m_stop(std::move(stopRequested))
{
}

int NamesiloRegistrar::maxAvailabilityNames() const
{
    return NamesiloClient::kMaxAvailabilityNames;
}

namespace {

// One call, its failure sorted: transport trouble and Namesilo's "try again" codes are
// registrar_unavailable, code 200 not_at_registrar, any other refusal registrar_refused.
struct Caller {
    const NamesiloSettings &settings;
    const std::function<bool()> &stop;

    Result<NamesiloReply> operator()(const Call &call, int *codeOut = nullptr) const
    {
        int code = 0;
        auto r = runNamesiloCall(settings, call, stop, &code);
        if (codeOut)
            *codeOut = code;
        if (r)
            return r;
        const Error &e = r.error();
        if (e.code == errors::NamesiloRejected) {
            if (code == kNotInAccount)
                return restate(makeError(errors::DomainsNotAtRegistrar, {}), e.message);
            if (namesiloCodeIsTransient(code))
                return restate(makeError(errors::DomainsRegistrarUnavailable, {}), e.message);
            return restate(makeError(errors::DomainsRegistrarRefused, {}), e.message);
        }
        if (e.code == errors::NamesiloInvalidSettings || e.code == errors::NamesiloBlockingNotAllowed)
            return e;
        return restate(makeError(errors::DomainsRegistrarUnavailable, {}), e.message);
    }
};

Status done(const Result<NamesiloReply> &r)
{
    if (!r)
        return r.error();
    return {};
}

} // namespace

Result<QList<Availability>> NamesiloRegistrar::checkAvailability(const QStringList &names)
{
    auto r =
        Caller{m_settings, m_stop}([names](NamesiloClient &c) { return c.checkRegisterAvailability(names); });
    if (!r)
        return r.error();
    QHash<QString, Availability> byName;
    const auto collect = [&](const QString &list, Availability::State state) {
        const NamesiloElement *e = r->reply.child(list);
        if (!e)
            return;
        for (const NamesiloElement *d : e->all(QStringLiteral("domain"))) {
            Availability a;
            a.name = d->text.toLower();
            a.state = state;
            a.premium = d->attribute(QStringLiteral("premium")) == QLatin1String("1");
            a.registrarPrice = d->attribute(QStringLiteral("price"));
            byName.insert(a.name, a);
        }
    };
    collect(QStringLiteral("available"), Availability::State::Available);
    collect(QStringLiteral("unavailable"), Availability::State::Taken);
    collect(QStringLiteral("invalid"), Availability::State::Invalid);
    QList<Availability> answer;
    for (const QString &name : names) {
        // A name Namesilo left out of every list is not offered as available.
        Availability a =
            byName.value(name.toLower(), Availability{name.toLower(), Availability::State::Taken, false, {}});
        answer.append(a);
    }
    return answer;
}

Result<RegistrarDomain> NamesiloRegistrar::domainInfo(const QString &name)
{
    auto r = Caller{m_settings, m_stop}([name](NamesiloClient &c) { return c.getDomainInfo(name); });
    if (!r)
        return r.error();
    RegistrarDomain d;
    d.name = name;
    d.created = QDate::fromString(r->reply.childText(QStringLiteral("created")), Qt::ISODate);
    d.expires = QDate::fromString(r->reply.childText(QStringLiteral("expires")), Qt::ISODate);
    d.status = r->reply.childText(QStringLiteral("status"));
    d.locked = yes(r->reply.childText(QStringLiteral("locked")));
    d.privacy = yes(r->reply.childText(QStringLiteral("private")));
    d.autoRenew = yes(r->reply.childText(QStringLiteral("auto_renew")));
    if (const NamesiloElement *ns = r->reply.child(QStringLiteral("nameservers"))) {
        for (const NamesiloElement *n : ns->all(QStringLiteral("nameserver")))
            d.nameservers << n->text.toLower();
    }
    return d;
}

Result<QList<RegistrarDomain>> NamesiloRegistrar::listDomains()
{
    auto r = Caller{m_settings, m_stop}([](NamesiloClient &c) { return c.listDomains(); });
    if (!r)
        return r.error();
    QList<RegistrarDomain> list;
    if (const NamesiloElement *domains = r->reply.child(QStringLiteral("domains"))) {
        for (const NamesiloElement *e : domains->all(QStringLiteral("domain"))) {
            RegistrarDomain d;
            d.name = e->text.toLower();
            d.created = QDate::fromString(e->attribute(QStringLiteral("created")), Qt::ISODate);
            d.expires = QDate::fromString(e->attribute(QStringLiteral("expires")), Qt::ISODate);
            list.append(d);
        }
    }
    return list;
}

Status NamesiloRegistrar::registerDomain(const DomainOrder &order)
{
    const NamesiloOrder o = namesiloOrder(order);
    return done(Caller{m_settings, m_stop}([o](NamesiloClient &c) { return c.registerDomain(o); }));
}

Status NamesiloRegistrar::renew(const QString &name, int years)
{
    return done(
        Caller{m_settings, m_stop}([name, years](NamesiloClient &c) { return c.renewDomain(name, years); }));
}

Status NamesiloRegistrar::transfer(const DomainOrder &order)
{
    const NamesiloOrder o = namesiloOrder(order);
    return done(Caller{m_settings, m_stop}([o](NamesiloClient &c) { return c.transferDomain(o); }));
}

Result<TransferState> NamesiloRegistrar::transferStatus(const QString &name)
{
    auto r = Caller{m_settings, m_stop}([name](NamesiloClient &c) { return c.checkTransferStatus(name); });
    if (!r)
        return r.error();
    TransferState s;
    s.message = r->reply.childText(QStringLiteral("status"));
    if (s.message.isEmpty())
        s.message = r->reply.childText(QStringLiteral("message"));
    const QString lower = s.message.toLower();
    if (lower.contains(QLatin1String("complete")) || lower.contains(QLatin1String("success")))
        s.phase = TransferState::Phase::Completed;
    else if (lower.contains(QLatin1String("fail")) || lower.contains(QLatin1String("cancel")) ||
             lower.contains(QLatin1String("reject")))
        s.phase = TransferState::Phase::Failed;
    return s;
}

Status NamesiloRegistrar::setNameservers(const QString &name, const QStringList &nameservers)
{
    return done(Caller{m_settings, m_stop}(
        [name, nameservers](NamesiloClient &c) { return c.changeNameServers(name, nameservers); }));
}

Status NamesiloRegistrar::setLocked(const QString &name, bool locked)
{
    int code = 0;
    auto r = Caller{m_settings,
                    m_stop}([name, locked](NamesiloClient &c) { return c.setLocked(name, locked); }, &code);
    if (!r && (code == kAlreadyLocked || code == kAlreadyUnlocked))
        return {}; // the state asked for is already there
    return done(r);
}

Status NamesiloRegistrar::requestAuthCode(const QString &name)
{
    return done(Caller{m_settings, m_stop}([name](NamesiloClient &c) { return c.retrieveAuthCode(name); }));
}

Status NamesiloRegistrar::addDs(const QString &name, const DsRecord &ds)
{
    const NamesiloDsRecord d{ds.keyTag, ds.algorithm, ds.digestType, ds.digest};
    return done(
        Caller{m_settings, m_stop}([name, d](NamesiloClient &c) { return c.dnsSecAddRecord(name, d); }));
}

Status NamesiloRegistrar::removeDs(const QString &name, const DsRecord &ds)
{
    const NamesiloDsRecord d{ds.keyTag, ds.algorithm, ds.digestType, ds.digest};
    return done(
        Caller{m_settings, m_stop}([name, d](NamesiloClient &c) { return c.dnsSecDeleteRecord(name, d); }));
}

Result<QList<RegistrarPrice>> NamesiloRegistrar::prices()
{
    auto r = Caller{m_settings, m_stop}([](NamesiloClient &c) { return c.getPrices(); });
    if (!r)
        return r.error();
    QList<RegistrarPrice> list;
    for (const NamesiloElement &e : r->reply.children) {
        if (e.name == QLatin1String("code") || e.name == QLatin1String("detail"))
            continue;
        list.append(RegistrarPrice{e.name, e.childText(QStringLiteral("registration")),
                                   e.childText(QStringLiteral("renew")),
                                   e.childText(QStringLiteral("transfer"))});
    }
    return list;
}

} // namespace mp::domains
