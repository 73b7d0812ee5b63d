#include "cloudpods/provisioning_scripts.h"

#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/guest_ssh.h"
#include "cloudpods/pod_job_handlers.h"
#include "cloudpods/pod_progress.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "jobs/job_errors.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace mp::cloudpods {

namespace {

const auto kTemplateScript = QStringLiteral("SELECT script, ssh_port, coalesce(ssh_user, '') FROM "
                                            "cloudpod_template_scripts WHERE template_id = ?::uuid");
const auto kSetTemplateScript = QStringLiteral(R"sql(
INSERT INTO cloudpod_template_scripts (tenant_id, template_id, script, ssh_port, ssh_user, updated_at)
VALUES (?::uuid, ?::uuid, ?, ?, NULLIF(?, ''), ?::timestamptz)
ON CONFLICT (tenant_id, template_id) DO UPDATE
SET script = EXCLUDED.script, ssh_port = EXCLUDED.ssh_port, ssh_user = EXCLUDED.ssh_user,
    updated_at = EXCLUDED.updated_at
)sql");
const auto kDropTemplateScript =
    QStringLiteral("DELETE FROM cloudpod_template_scripts WHERE template_id = ?::uuid");
const auto kPodScript = QStringLiteral(
    "SELECT state, coalesce(exit_status, -1), coalesce(message, ''), public_key, key_removed_at IS NOT NULL, "
    "coalesce(private_key, ''), coalesce(host_key_sha256, '') FROM cloud_pod_scripts WHERE pod_id = ?::uuid");
const auto kPodState = QStringLiteral(
    "SELECT state, coalesce(exit_status, -1), coalesce(message, ''), public_key, key_removed_at IS NOT NULL "
    "FROM cloud_pod_scripts WHERE pod_id = ?::uuid");
const auto kAddKey = QStringLiteral(
    "INSERT INTO cloud_pod_scripts (tenant_id, pod_id, public_key, private_key, created_at) "
    "VALUES (?::uuid, ?::uuid, ?, ?, ?::timestamptz) ON CONFLICT (tenant_id, pod_id) DO NOTHING");
const auto kPinHostKey = QStringLiteral(
    "UPDATE cloud_pod_scripts SET host_key_sha256 = ? WHERE pod_id = ?::uuid AND host_key_sha256 IS NULL");
const auto kStarted = QStringLiteral(
    "UPDATE cloud_pod_scripts SET state = 'running', exit_status = NULL, message = NULL, "
    "started_at = ?::timestamptz, finished_at = NULL WHERE pod_id = ?::uuid AND state = 'pending'");
const auto kFinished = QStringLiteral("UPDATE cloud_pod_scripts SET state = ?, exit_status = ?, message = ?, "
                                      "finished_at = ?::timestamptz WHERE pod_id = ?::uuid");
const auto kRerun = QStringLiteral(
    "UPDATE cloud_pod_scripts SET state = 'pending' WHERE pod_id = ?::uuid AND key_removed_at IS NULL");
const auto kRearm = QStringLiteral("UPDATE cloud_pod_scripts SET state = 'pending', host_key_sha256 = NULL "
                                   "WHERE pod_id = ?::uuid AND key_removed_at IS NULL");
const auto kKeyRemoved = QStringLiteral("UPDATE cloud_pod_scripts SET private_key = NULL, key_removed_at = "
                                        "?::timestamptz WHERE pod_id = ?::uuid");

// The script goes over stdin into a private temporary file, which runs (its #! line picks the
// interpreter; without one the shell runs it) and is removed; the exit status is the script's.
const auto kRunCommand =
    QStringLiteral("f=$(mktemp) && cat > \"$f\" && chmod 700 \"$f\" && \"$f\"; s=$?; rm -f \"$f\"; exit $s");

// Drops every line of authorized_keys that carries the pod's comment, keeping the file's owner
// and mode (cat into it rather than a rename).
QString removeKeyCommand(const CloudPod &pod)
{
    return QStringLiteral(
               "k='%1'; f=\"$HOME/.ssh/authorized_keys\"; [ -f \"$f\" ] || exit 0; "
               "{ grep -v -F -- \"$k\" \"$f\" || true; } > \"$f.mpanel\" && cat \"$f.mpanel\" > \"$f\" "
               "&& rm -f \"$f.mpanel\"")
        .arg(pod.tag());
}

struct PodScriptRow {
    PodScriptState state;
    QString privateKey;
    QString hostKey;
};

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<std::optional<PodScriptRow>> podRow(TenantTransaction &tx, const QString &podId)
{
    auto q = sql::exec(tx.db(), kPodScript, {podId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PodScriptRow>();
    PodScriptRow row;
    row.state.state = q->value(0).toString();
    row.state.exitStatus = q->value(1).toInt();
    row.state.message = q->value(2).toString();
    row.state.publicKey = q->value(3).toString();
    row.state.keyRemoved = q->value(4).toBool();
    row.privateKey = q->value(5).toString();
    row.hostKey = q->value(6).toString();
    return std::optional<PodScriptRow>(row);
}

Status exec(TenantTransaction &tx, const QString &statement, const QVariantList &values)
{
    if (auto q = sql::exec(tx.db(), statement, values); !q)
        return q.error();
    return {};
}

int envMs(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// Waits until the guest takes mPanel's key (sshd up, the key installed by cloud-init or the
// container's create); pins the host key it shows the first time.
Result<QString> waitForGuest(JobContext &ctx, SshTarget target)
{
    const int waitMs = envMs("MPANEL_GUEST_SSH_WAIT_MS", 10 * 60 * 1000);
    QElapsedTimer timer;
    timer.start();
    bool told = false;
    for (;;) {
        auto hostKey = GuestSsh::probe(target);
        if (hostKey)
            return hostKey;
        if (timer.elapsed() > waitMs)
            return makeError(errors::CloudpodSsh,
                             QStringLiteral("the guest did not answer over SSH within %1 s (%2)")
                                 .arg(waitMs / 1000)
                                 .arg(hostKey.error().message));
        if (!told) {
            ctx.log(
                QStringLiteral("waiting for the guest to answer over SSH (%1)").arg(hostKey.error().message));
            told = true;
        }
        if (!ctx.sleepFor(1000))
            return JobContext::interrupted();
    }
}

SshTarget targetFor(const CloudPod &pod, const TemplateScript &script, const PodScriptRow &row,
                    const QString &address)
{
    SshTarget t;
    t.host = address;
    t.port = script.sshPort;
    t.user = script.sshUser.isEmpty() ? pod.loginUser : script.sshUser;
    t.privateKey = row.privateKey;
    t.hostKeySha256 = row.hostKey;
    return t;
}

} // namespace

QJsonObject TemplateScript::toJson() const
{
    return QJsonObject{{QStringLiteral("script"), script},
                       {QStringLiteral("ssh_port"), sshPort},
                       {QStringLiteral("ssh_user"), sshUser.isEmpty() ? QJsonValue() : QJsonValue(sshUser)}};
}

QJsonObject PodScriptState::toJson() const
{
    return QJsonObject{
        {QStringLiteral("state"), state},
        {QStringLiteral("exit_status"), exitStatus < 0 ? QJsonValue() : QJsonValue(exitStatus)},
        {QStringLiteral("message"), message.isEmpty() ? QJsonValue() : QJsonValue(message)},
        {QStringLiteral("mpanel_public_key"), keyRemoved ? QJsonValue() : QJsonValue(publicKey)},
        {QStringLiteral("mpanel_key_removed"), keyRemoved}};
}

Result<std::optional<TemplateScript>> ProvisioningScripts::forTemplate(TenantTransaction &tx,
                                                                       const QString &templateId)
{
    auto q = sql::exec(tx.db(), kTemplateScript, {templateId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<TemplateScript>();
    return std::optional<TemplateScript>(
        TemplateScript{q->value(0).toString(), q->value(1).toInt(), q->value(2).toString()});
}

Status ProvisioningScripts::setForTemplate(TenantTransaction &tx, const QString &templateId,
                                           const std::optional<TemplateScript> &script, const QDateTime &now)
{
    if (!script)
        return exec(tx, kDropTemplateScript, {templateId});
    return exec(tx, kSetTemplateScript,
                {tx.tenantId(), templateId, script->script, script->sshPort, script->sshUser, ts(now)});
}

Result<std::optional<PodScriptState>> ProvisioningScripts::forPod(TenantTransaction &tx, const QString &podId)
{
    // Without the private key's column: staff logins may not read it.
    auto q = sql::exec(tx.db(), kPodState, {podId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PodScriptState>();
    PodScriptState state;
    state.state = q->value(0).toString();
    state.exitStatus = q->value(1).toInt();
    state.message = q->value(2).toString();
    state.publicKey = q->value(3).toString();
    state.keyRemoved = q->value(4).toBool();
    return std::optional<PodScriptState>(state);
}

Result<QString> ProvisioningScripts::keyForCreate(PodProgress &progress, const CloudPod &pod,
                                                  const QDateTime &now)
{
    QString publicKey;
    const Status s = progress.inTransaction([&](TenantTransaction &tx) -> Status {
        auto row = podRow(tx, pod.id);
        if (!row)
            return row.error();
        if (!*row) {
            auto script = forTemplate(tx, pod.templateId);
            if (!script)
                return script.error();
            if (!*script)
                return {};
            auto pair = GuestSsh::generateKey(pod.tag());
            if (!pair)
                return pair.error();
            if (auto s =
                    exec(tx, kAddKey, {tx.tenantId(), pod.id, pair->publicKey, pair->privateKey, ts(now)});
                !s)
                return s;
            row = podRow(tx, pod.id);
            if (!row)
                return row.error();
        }
        if (*row && !(*row)->privateKey.isEmpty())
            publicKey = (*row)->state.publicKey;
        return {};
    });
    if (!s)
        return s.error();
    return publicKey;
}

Status ProvisioningScripts::runOnGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod,
                                       const QString &address)
{
    std::optional<PodScriptRow> row;
    std::optional<TemplateScript> script;
    if (auto s = progress.inTransaction([&](TenantTransaction &tx) -> Status {
            auto r = podRow(tx, pod.id);
            if (!r)
                return r.error();
            row = *r;
            auto t = forTemplate(tx, pod.templateId);
            if (!t)
                return t.error();
            script = *t;
            return {};
        });
        !s)
        return s;
    if (!row)
        return {};
    const QString state = row->state.state;
    if (state == QLatin1String("succeeded")) {
        ctx.log(QStringLiteral("the post-install script ran before: not again"));
        return {};
    }
    if (state == QLatin1String("running"))
        return JobContext::permanent(
            QStringLiteral("the post-install script started before and never reported back; it is not run "
                           "twice by itself (staff can run it again)"));
    if (state == QLatin1String("failed"))
        return JobContext::permanent(
            QStringLiteral("the post-install script failed before (%1); staff can run it again")
                .arg(row->state.message));
    if (row->privateKey.isEmpty()) {
        ctx.log(QStringLiteral("the customer removed mPanel's key: the post-install script is not run"));
        return {};
    }
    if (!script) {
        ctx.log(QStringLiteral("the template no longer has a post-install script"));
        return {};
    }
    if (address.isEmpty())
        return makeError(errors::CloudpodNoAddress,
                         QStringLiteral("the pod has no address to reach over SSH"));

    const SshTarget target = targetFor(pod, *script, *row, address);
    auto hostKey = waitForGuest(ctx, target);
    if (!hostKey)
        return hostKey.error();
    const QDateTime started = ctx.now();
    bool claimed = false;
    if (auto s = progress.inTransaction([&](TenantTransaction &tx) -> Status {
            if (auto s = exec(tx, kPinHostKey, {*hostKey, pod.id}); !s)
                return s;
            auto q = sql::exec(tx.db(), kStarted, {ts(started), pod.id});
            if (!q)
                return q.error();
            claimed = q->numRowsAffected() == 1;
            return {};
        });
        !s)
        return s;
    if (!claimed)
        return JobContext::permanent(QStringLiteral("the post-install script is not pending any more"));
    ctx.log(QStringLiteral("running the post-install script as %1@%2:%3 (host key %4)")
                .arg(target.user, target.host)
                .arg(target.port)
                .arg(*hostKey));

    SshTarget pinned = target;
    pinned.hostKeySha256 = *hostKey;
    auto outcome = GuestSsh::run(
        pinned, kRunCommand, script->script.toUtf8(),
        [&ctx](const QString &line) { ctx.log(QStringLiteral("script: ") + line); },
        [&ctx] { return ctx.stopRequested(); }, envMs("MPANEL_GUEST_SCRIPT_TIMEOUT_MS", 60 * 60 * 1000));

    QString finalState = QStringLiteral("succeeded");
    QString message;
    int exitStatus = -1;
    if (!outcome) {
        if (outcome.error().code == errors::JobInterrupted) {
            // Left "running": whether it finished on the guest is unknown, so no repeat by itself.
            return JobContext::interrupted();
        }
        finalState = QStringLiteral("failed");
        message = outcome.error().message.left(2000);
    } else {
        exitStatus = outcome->exitStatus;
        if (exitStatus != 0) {
            finalState = QStringLiteral("failed");
            message =
                QStringLiteral("the post-install script exited with status %1 (its output is in the job log)")
                    .arg(exitStatus);
        }
    }
    if (auto s = progress.inTransaction([&](TenantTransaction &tx) -> Status {
            return exec(tx, kFinished,
                        {finalState,
                         exitStatus < 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(exitStatus),
                         message.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(message),
                         ts(ctx.now()), pod.id});
        });
        !s)
        return s;
    if (finalState != QLatin1String("succeeded"))
        return JobContext::permanent(message);
    ctx.log(QStringLiteral("the post-install script succeeded"));
    return {};
}

Status ProvisioningScripts::rearmForReinstall(TenantTransaction &tx, const QString &podId)
{
    return exec(tx, kRearm, {podId});
}

Result<QString> ProvisioningScripts::requestRerun(TenantTransaction &tx, const CloudPod &pod)
{
    auto q = sql::exec(tx.db(), kRerun, {pod.id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return makeError(
            errors::CloudpodNoMpanelKey,
            QStringLiteral("the pod has no post-install script to run, or its customer removed mPanel's "
                           "key"));
    auto job = CloudPods::enqueueFor(tx, kinds::provision, pod.id, 3, true);
    if (!job)
        return job.error();
    return QString::number(job->id);
}

Result<QString> ProvisioningScripts::requestKeyRemoval(TenantTransaction &tx, const CloudPod &pod)
{
    // forPod: a staff login may ask, and it never reads the private key.
    auto state = forPod(tx, pod.id);
    if (!state)
        return state.error();
    if (!*state || (*state)->keyRemoved)
        return makeError(errors::CloudpodNoMpanelKey, QStringLiteral("mPanel has no key on this pod"));
    auto job = CloudPods::enqueueFor(tx, kinds::removeKey, pod.id, 5);
    if (!job)
        return job.error();
    return QString::number(job->id);
}

Status ProvisioningScripts::removeKeyJob(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = progress->pod();
    if (!pod)
        return pod.error().code == errors::NotFound ? JobContext::permanent(QStringLiteral("no such pod"))
                                                    : pod.error();
    std::optional<PodScriptRow> row;
    std::optional<TemplateScript> script;
    if (auto s = progress->inTransaction([&](TenantTransaction &tx) -> Status {
            auto r = podRow(tx, pod->id);
            if (!r)
                return r.error();
            row = *r;
            auto t = forTemplate(tx, pod->templateId);
            if (!t)
                return t.error();
            script = *t;
            return {};
        });
        !s)
        return s;
    if (!row || row->privateKey.isEmpty()) {
        ctx.log(QStringLiteral("mPanel's key is gone already"));
        return {};
    }
    if (pod->ipAddress.isEmpty())
        return JobContext::permanent(QStringLiteral("the pod has no address to reach over SSH"));
    const SshTarget target = targetFor(*pod, script.value_or(TemplateScript{}), *row, pod->ipAddress);
    auto outcome = GuestSsh::run(
        target, removeKeyCommand(*pod), {},
        [&ctx](const QString &line) { ctx.log(QStringLiteral("guest: ") + line); },
        [&ctx] { return ctx.stopRequested(); }, 60 * 1000);
    if (!outcome)
        return outcome.error();
    if (outcome->exitStatus != 0)
        return makeError(errors::CloudpodSsh,
                         QStringLiteral("removing mPanel's key on the guest exited with status %1")
                             .arg(outcome->exitStatus));
    if (auto s = progress->inTransaction([&](TenantTransaction &tx) -> Status {
            return exec(tx, kKeyRemoved, {ts(ctx.now()), pod->id});
        });
        !s)
        return s;
    ctx.log(QStringLiteral("mPanel's key removed from the guest; mPanel forgot its private key"));
    return {};
}

} // namespace mp::cloudpods
