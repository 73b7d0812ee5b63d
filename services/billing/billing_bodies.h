#pragma once

#include "api/request_body.h"

namespace mp::billing {

// The request bodies of the billing routes, each declared once for decoding and for the OpenAPI
// document. The checkout body is built on first use, once every module has declared its product
// types (the OpenAPI document and the checkout route both run after that): its `options` are
// theirs.
const api::RequestBody &checkoutBody();      // POST /api/checkout (CheckoutRequest)
const api::RequestBody &invoiceBody();       // POST /api/invoices: a manual invoice
const api::RequestBody &invoiceStatusBody(); // PATCH /api/invoices/{id}
const api::RequestBody &creditNoteBody();    // POST /api/invoices/{id}/credit-notes

} // namespace mp::billing
