#pragma once

#include "api/request_body.h"

namespace mp::domains {

const api::RequestBody &nameserversBody();
const api::RequestBody &lockBody();
const api::RequestBody &transferBody();
// A domain order line's options: the EPP code of a transfer in.
std::shared_ptr<const api::RequestBody> domainLineOptions();

} // namespace mp::domains
