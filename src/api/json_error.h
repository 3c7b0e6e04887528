// The API's error body and the mapping of application errors to HTTP statuses.
//
// Every error the API returns has one shape:
//   {"error":{"code":"not_found","message":"case 12 does not exist","field":""}}
// `code` is machine-readable, `message` one sentence for a person, `field` the input concerned
// (a JSON-pointer-like path such as "periods[0].start", or "" when the request as a whole is at
// fault). RESTinio-free.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "core/result.h"

namespace spoorboek::api {

// Appends `text` as a JSON string literal (with the quotes) to `out`: escapes '"', '\\' and the
// control characters; bytes that are not valid UTF-8 become U+FFFD, so the result is always valid
// JSON whatever the input.
void append_json_string(std::string& out, std::string_view text);

// An application/json response with the error body above.
HttpResponse json_error(int status, std::string_view code, std::string_view message,
                        std::string_view field = "");

// The HTTP status for an application error code:
//   unauthenticated 401, forbidden 403, not_found 404, conflict 409, payload_too_large 413,
//   too_many_requests 429, storage/internal 500, unavailable 503,
//   method_not_allowed 405, malformed_json/bad_request 400, and 422 for every other code (the validation errors:
//   invalid, invalid_type, missing, unknown_field, invalid_date, future_date, ...).
int http_status_for(const core::Error& error);

// json_error(http_status_for(error), error.code, error.message, error.field).
HttpResponse json_error(const core::Error& error);

}  // namespace spoorboek::api
