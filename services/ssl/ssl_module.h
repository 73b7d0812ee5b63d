#pragma once

#include "module/module.h"

namespace mp::ssl {

// SSL certificates from an ACME CA (services/acme): issue, renew at a third of the lifetime left
// (or when ARI says), revoke, HTTP-01 answered by the service, and CertificateExpiring announced
// a week before a certificate runs out.
Module sslModule();

} // namespace mp::ssl
