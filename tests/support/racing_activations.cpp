#include "support/racing_activations.h"

#include "db/tenant_transaction.h"
#include "module/service_lifecycle.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QThread>

namespace mp::test {

int raceActivations(const QSqlDatabase &base, const QString &tenantId,
                    const provisioning::ServiceRequest &request, int racers)
{
    QList<QThread *> threads;
    QAtomicInt failures;
    for (int i = 0; i < racers; ++i) {
        threads << QThread::create([&base, &tenantId, &request, &failures, i] {
            const QString name = QStringLiteral("race-%1").arg(i);
            {
                QSqlDatabase db = QSqlDatabase::cloneDatabase(base, name);
                if (!db.open()) {
                    failures.ref();
                } else {
                    auto tx = TenantTransaction::begin(db, tenantId);
                    if (!tx ||
                        !provisioning::onActivated(tx.value(), request, QDateTime::currentDateTimeUtc()) ||
                        !tx->commit())
                        failures.ref();
                }
            }
            QSqlDatabase::removeDatabase(name);
        });
        threads.last()->start();
    }
    for (QThread *t : std::as_const(threads)) {
        t->wait();
        delete t;
    }
    return failures.loadRelaxed();
}

} // namespace mp::test
