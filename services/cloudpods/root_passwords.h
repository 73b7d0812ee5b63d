#pragma once

#include <QString>

namespace mp::cloudpods {

// Generated root passwords: shown once to the customer, kept in cloudpod_pending_passwords only
// until the call that hands them to Proxmox succeeded, never written to a log or a job payload.
class RootPasswords {
public:
    // 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), from the system's
    // cryptographic generator: about 117 bits.
    static QString generate();
};

} // namespace mp::cloudpods
