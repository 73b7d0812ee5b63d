#pragma once

#include "api/request_body.h"

namespace mp::mail {

const api::RequestBody &newDomainBody();
const api::RequestBody &domainChangeBody();
const api::RequestBody &newMailboxBody();
const api::RequestBody &mailboxChangeBody();
const api::RequestBody &newAliasBody();
const api::RequestBody &planBody();

} // namespace mp::mail
