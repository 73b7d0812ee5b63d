#pragma once

#include "api/request_body.h"

namespace mp::payments {

const api::RequestBody &refundBody();  // POST /api/invoices/{id}/refund, optional
const api::RequestBody &resolveBody(); // POST /api/payments/{id}/resolve

} // namespace mp::payments
