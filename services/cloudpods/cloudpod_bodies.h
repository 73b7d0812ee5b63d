#pragma once

#include "api/request_body.h"

namespace mp::cloudpods {

// POST /api/cloudpods: a pod for a customer from a template, outside any subscription.
const api::RequestBody &newPodBody();
// POST /api/cloudpods/{id}/reinstall: the pod's host name typed again, and whether to make a new
// root password.
const api::RequestBody &reinstallBody();
// POST /api/ssh-keys: a public key saved on a customer's profile.
const api::RequestBody &sshKeyBody();
// PUT /api/cloudpod-templates/{id}/script: a template's post-install script.
const api::RequestBody &scriptBody();

} // namespace mp::cloudpods
