#include "payments/stripe_blocking.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <optional>

namespace mp {

StripeResult runStripeCall(const StripeSettings &settings,
                           const std::function<StripeJob *(StripeClient &)> &call,
                           const std::function<bool()> &stopRequested, stripe::StripeError *stripeError)
{
    QThread *thread = QThread::currentThread();
    const QCoreApplication *app = QCoreApplication::instance();
    if ((app && app->thread() == thread) || thread->loopLevel() > 0)
        return makeError(
            QStringLiteral("stripe_blocking_not_allowed"),
            QStringLiteral("a blocking Stripe call needs a worker thread outside any event loop"));

    QEventLoop loop; // first, so this thread has an event dispatcher before any object needs one
    StripeClient client(settings);
    StripeJob *job = call(client);
    if (!job)
        return makeError(QStringLiteral("stripe_invalid_params"), QStringLiteral("no Stripe call was made"));
    job->setAutoDelete(false);

    std::optional<StripeResult> result;
    QObject::connect(job, &StripeJob::finished, &loop, [&](const StripeResult &r) {
        result = r;
        loop.quit();
    });
    QTimer poll;
    if (stopRequested) {
        QObject::connect(&poll, &QTimer::timeout, job, [&] {
            if (stopRequested())
                job->abort();
        });
        poll.start(100);
    }
    if (!job->isFinished())
        loop.exec();
    if (!result)
        result = job->result();
    if (stripeError)
        *stripeError = job->stripeError();
    return *result;
}

} // namespace mp
