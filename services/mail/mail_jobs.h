#pragma once

#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::mail {

// mail.remove_mailbox: removes a deleted mailbox's mail (<mail_root>/<domain>/<local part> on
// its host) and then its row. Already gone is fine, so a repeated run changes nothing.
Status removeMailboxJob(JobContext &ctx);
// mail.remove_domain: the same for each of a deleted domain's mailboxes and the domain's own
// directory, takes its records out of DNS, then removes its rows.
Status removeDomainJob(JobContext &ctx);
// mail.rotate_dkim: a new DKIM key becomes the active one (MailDomains::rotateKey).
Status rotateDkimJob(JobContext &ctx);

} // namespace mp::mail
