#pragma once

#include "cloudpods/cloud_pod.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp {
class JobContext;
class TenantTransaction;
} // namespace mp

namespace mp::cloudpods {

class PodProgress;

// A template's post-install script. ssh_user empty: the pod's login user.
struct TemplateScript {
    QString script;
    int sshPort = 22;
    QString sshUser;
    QJsonObject toJson() const;
};

// Where a pod's script stands (cloud_pod_scripts), without the private key.
struct PodScriptState {
    QString state; // pending, running, succeeded, failed
    int exitStatus = -1;
    QString message;
    QString publicKey;
    bool keyRemoved = false;
    QJsonObject toJson() const;
};

// Post-install scripts: a template may carry one; every pod made from it gets a key pair of
// mPanel's own (its public key joins the customer's at create), and once the guest answers over
// SSH the provision job runs the script there, once: its output lines go to the job log as they
// come, a non-zero exit fails the step (and the pod shows why). A retried or repeated job does not
// run it again: a script that started and did not report back is "running" forever after, one
// that failed stays failed, until staff ask for another run (requestRerun). The customer can
// remove mPanel's key from the guest (requestKeyRemoval); mPanel forgets its private key then.
class ProvisioningScripts {
public:
    static Result<std::optional<TemplateScript>> forTemplate(TenantTransaction &tx,
                                                             const QString &templateId);
    // nullopt removes the template's script.
    static Status setForTemplate(TenantTransaction &tx, const QString &templateId,
                                 const std::optional<TemplateScript> &script, const QDateTime &now);
    static Result<std::optional<PodScriptState>> forPod(TenantTransaction &tx, const QString &podId);

    // At create: mPanel's public key for the pod (made and committed on the first call, the same
    // on every retry); empty when the pod's template has no script.
    static Result<QString> keyForCreate(PodProgress &progress, const CloudPod &pod, const QDateTime &now);

    // After the guest started: runs the pod's script if it is pending (waits for the guest to
    // answer first); nothing when the pod has none or it succeeded before.
    static Status runOnGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod,
                             const QString &address);

    // A reinstall makes a new guest: the script is pending again and no host key is pinned.
    static Status rearmForReinstall(TenantTransaction &tx, const QString &podId);
    // Staff: run the script again (its state back to pending; a cloudpod.run_script job).
    static Result<QString> requestRerun(TenantTransaction &tx, const CloudPod &pod);
    // The customer (or staff): take mPanel's key off the guest (a cloudpod.remove_key job).
    static Result<QString> requestKeyRemoval(TenantTransaction &tx, const CloudPod &pod);

    // cloudpod.remove_key.
    static Status removeKeyJob(JobContext &ctx);
};

} // namespace mp::cloudpods
