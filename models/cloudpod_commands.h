#pragma once

#include "cloudpods/cloud_pods.h"
#include "jobs/job_types.h"
#include "staff_command.h"

namespace mp {

// The change-feed channels of the CloudPod tables: pods and node allocations with the nodes
// themselves (migration 0012), reconciliation findings (migration 0015).
namespace channels {
inline const QString cloudPods = QStringLiteral("mpanel_changed_cloud_pods");
inline const QString nodeAllocations = QStringLiteral("mpanel_changed_node_allocations");
inline const QString cloudPodFindings = QStringLiteral("mpanel_changed_cloudpod_findings");
} // namespace channels

// The Provisioning section's commands for CloudPods (contract in staff_command.h).
namespace commands {

// A pod with what the detail shows: its jobs (newest first), the log of the newest one, and
// what staff may do to it now.
struct PodDetail {
    cloudpods::CloudPod pod;
    cloudpods::PodActions actions;
    QList<JobRecord> jobs;
    QList<JobLogLine> log; // of jobs.first()
};

enum class PodAction { Retry, Suspend, Unsuspend, Terminate };

void loadPod(ConsoleSession *session, QObject *context, const QString &id, Reply<PodDetail> reply);
// Runs the action through the same service functions as the REST API and answers the pod as
// it is afterwards.
void podAction(ConsoleSession *session, QObject *context, const QString &id, PodAction action,
               Reply<PodDetail> reply);
// A new password for a running VM's login user through the guest agent, or a reinstall from the
// template keeping name, VMID and address (with a new root password when `newPassword`). The
// reply is the generated password, to be shown once (empty for a reinstall without one). Only
// staff PodAccess::staffMayGrantAccess allows; the same service calls as the REST API.
void resetPodPassword(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply);
void reinstallPod(ConsoleSession *session, QObject *context, const QString &id, bool newPassword,
                  Reply<QString> reply);

// Queues a reconciliation now (POST /api/cloudpod-findings/check): the reply is its job.
void checkFindings(ConsoleSession *session, QObject *context, Reply<EnqueuedJob> reply);
// When reconciliation last ran to the end; null: never.
void lastFindingsCheck(ConsoleSession *session, QObject *context, Reply<QDateTime> reply);

} // namespace commands
} // namespace mp
