#pragma once

#include "api/request_body.h"

namespace mp::guardian {

const api::RequestBody &scanBody();
const api::RequestBody &sourceBody();
const api::RequestBody &allowlistBody();
const api::RequestBody &settingsBody();
const api::RequestBody &decisionBody(); // resolve, approve, dismiss: an optional note

} // namespace mp::guardian
