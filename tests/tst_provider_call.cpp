// ProviderCall, the base of every provider's REST call, against a scripted loopback server:
// retries of a call safe to repeat, exactly once for one that is not, abort, and finished()
// exactly once and never from inside start().

#include "provider_call/provider_call.h"
#include "support/scripted_http_server.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTest>

#include <optional>

using namespace mp;
using mp::test::ScriptedServer;

namespace {

// The test provider's codes, declared as a provider declares its own.
constexpr ErrorCode kTestHttp{"test_http", ErrorCategory::Unprocessable};
constexpr ErrorCode kTestRefused{"test_refused", ErrorCategory::Unprocessable};
constexpr TransportCodes kTestTransport{{"test_network", ErrorCategory::Unprocessable},
                                        {"test_timeout", ErrorCategory::Unprocessable},
                                        {"test_tls", ErrorCategory::Unprocessable},
                                        {"test_aborted", ErrorCategory::Unprocessable}};

// The smallest client: a body as its result, the base's own retry judgement and wording.
class TestCall : public ProviderCall {
    Q_OBJECT
public:
    TestCall(QNetworkAccessManager *network, const ProviderCallSettings &settings, Exchange exchange)
        : ProviderCall(network, settings, std::move(exchange), nullptr)
    {
    }
    explicit TestCall(const Error &refusal) : ProviderCall(nullptr), m_result(refusal) {}

    const Result<QByteArray> &result() const { return *m_result; }
    const TransportFailure &failure() const { return m_failure; }
    int emitted = 0;

Q_SIGNALS:
    void finished(const mp::Result<QByteArray> &result);

protected:
    QNetworkRequest buildRequest() override
    {
        QNetworkRequest request(urlFor(QStringLiteral("/echo")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
        return request;
    }
    Outcome interpretAnswer(QNetworkReply &reply) override
    {
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply.readAll();
        if (status >= 200 && status < 300)
            m_result = body;
        else
            m_result = makeError(kTestHttp, QStringLiteral("HTTP %1").arg(status));
        return ProviderCall::interpretAnswer(reply);
    }
    Outcome interpretFailure(const TransportFailure &failure) override
    {
        m_failure = failure;
        m_result =
            failure.toError(kTestTransport, QStringLiteral("the test server"), callSettings().timeoutMs);
        return ProviderCall::interpretFailure(failure);
    }
    void emitFinished() override
    {
        ++emitted;
        Q_EMIT finished(*m_result);
    }

private:
    std::optional<Result<QByteArray>> m_result;
    TransportFailure m_failure;
};

QString describe(const Result<QByteArray> &result)
{
    return result ? QString::fromUtf8(result.value()) : result.error().code + u' ' + result.error().message;
}

} // namespace

class TestProviderCall : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;

    static ProviderCallSettings settingsFor(const ScriptedServer &server, int timeoutMs = 5000)
    {
        ProviderCallSettings s;
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(server.serverPort()));
        s.mode = ProviderMode::Sandbox;
        s.timeoutMs = timeoutMs;
        s.maxRetries = 2;
        s.retryBaseDelayMs = 10;
        s.retryMaxDelayMs = 50;
        return s;
    }

    // Started, run to its end, kept (no auto-delete) for the checks; counts finished() itself.
    TestCall *run(TestCall *call, int *finishedCount)
    {
        call->setParent(this);
        call->setAutoDelete(false);
        connect(call, &TestCall::finished, this, [finishedCount] { ++*finishedCount; });
        call->start();
        return call;
    }

    static ProviderCall::Exchange get() { return {"GET", {}, true}; }
    static ProviderCall::Exchange createOnce() { return {"POST", "name=vm1", false}; }

private Q_SLOTS:
    void retrySafeCallIsRetriedAfterA503()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Unavailable, S::Ok});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), get()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QVERIFY2(call->result().ok(), qPrintable(describe(call->result())));
        QCOMPARE(call->result().value(), QByteArray("ok"));
        QCOMPARE(server.requests(), 2);
        QCOMPARE(call->attempts(), 2);
    }

    void retriesStopAtMaxRetries()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Unavailable, S::Unavailable, S::Unavailable, S::Ok});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), get()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QCOMPARE(call->result().error().code, QStringLiteral("test_http"));
        QCOMPARE(server.requests(), 3); // the first attempt and maxRetries = 2
    }

    void retrySafeCallIsRetriedAfterATimeout()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Hang, S::Ok});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server, 300), get()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QVERIFY2(call->result().ok(), qPrintable(describe(call->result())));
        QCOMPARE(server.requests(), 2);
        QCOMPARE(call->attempts(), 2);
    }

    void nonIdempotentCallIsSentOnceWhenItsAnswerIsLost()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Drop, S::Ok, S::Ok});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), createOnce()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QTest::qWait(300); // a resend, by the call or by QNetworkAccessManager, would arrive now
        QCOMPARE(server.requests(), 1);
        QCOMPARE(server.methods().value(0), QByteArray("POST"));
        QVERIFY(!call->result().ok());
        QCOMPARE(call->result().error().code, QStringLiteral("test_network"));
        QVERIFY(call->failure().outcomeUnknown);
        QVERIFY2(call->result().error().message.contains(QStringLiteral("outcome is unknown")),
                 qPrintable(call->result().error().message));
        QCOMPARE(call->attempts(), 1);
        QCOMPARE(finishedCount, 1);
    }

    void nonIdempotentCallIsSentOnceWhenItTimesOut()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Hang, S::Ok, S::Ok});
        int finishedCount = 0;
        TestCall *call =
            run(new TestCall(&m_network, settingsFor(server, 300), createOnce()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QTest::qWait(300);
        QCOMPARE(server.requests(), 1);
        QCOMPARE(call->result().error().code, QStringLiteral("test_timeout"));
        QVERIFY(call->failure().outcomeUnknown);
        QCOMPARE(call->attempts(), 1);
    }

    void nonIdempotentCallIsNotRetriedAfterA503()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Unavailable, S::Ok});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), createOnce()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QTest::qWait(100);
        QCOMPARE(server.requests(), 1);
        QCOMPARE(call->result().error().code, QStringLiteral("test_http"));
    }

    void abortReportsTheAbortOnce()
    {
        using S = ScriptedServer::Step;
        ScriptedServer server({S::Hang});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), get()), &finishedCount);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests(), 1, 10000);
        QCOMPARE(finishedCount, 0);
        call->abort();
        QCOMPARE(finishedCount, 1);
        QCOMPARE(call->result().error().code, QStringLiteral("test_aborted"));
        call->abort();
        QTest::qWait(200);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(call->emitted, 1);
        QCOMPARE(server.requests(), 1); // an aborted call is not retried
    }

    void abortBeforeTheFirstAttemptSendsNothing()
    {
        ScriptedServer server({});
        int finishedCount = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), get()), &finishedCount);
        call->abort();
        QCOMPARE(finishedCount, 1);
        QCOMPARE(call->result().error().code, QStringLiteral("test_aborted"));
        QTest::qWait(200);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(server.requests(), 0);
    }

    void finishedNeverFiresFromStart()
    {
        ScriptedServer server({});
        int finishedCount = 0;
        TestCall *refused = run(new TestCall(makeError(kTestRefused, QStringLiteral("no"))), &finishedCount);
        QCOMPARE(finishedCount, 0); // start() returned without finishing, though nothing is sent
        refused->start();           // a second start() changes nothing
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 5000);
        QCOMPARE(refused->result().error().code, QStringLiteral("test_refused"));

        int sent = 0;
        TestCall *call = run(new TestCall(&m_network, settingsFor(server), get()), &sent);
        QCOMPARE(sent, 0);
        call->start();
        QTRY_COMPARE_WITH_TIMEOUT(sent, 1, 10000);
        QTest::qWait(200);
        QCOMPARE(sent, 1);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(server.requests(), 1);
        QCOMPARE(call->callSettings().mode, ProviderMode::Sandbox);
    }

    void deletesItselfAfterFinished()
    {
        ScriptedServer server({});
        auto *call = new TestCall(&m_network, settingsFor(server), get());
        QPointer<TestCall> alive(call);
        int finishedCount = 0;
        connect(call, &TestCall::finished, this, [&finishedCount] { ++finishedCount; });
        call->start();
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestProviderCall)
#include "tst_provider_call.moc"
