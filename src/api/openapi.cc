// The OpenAPI 3.0.3 document of the JSON API: every route that register_routes() adds (the
// route files routes_*.cc), with its parameters, request body schema, responses and security.
// tests/api/openapi_test.cc checks that the (method, path) pairs here equal the router's routes in
// both directions, that every operation has a summary and a response, and that every {name} in a
// path is declared as a path parameter. When you add or change a route, change it here too.
//
// The document is JSON in several raw string literals, joined once at first use: one literal of
// this size would exceed the 65536 characters a compiler must support (-Woverlength-strings).
#include <array>
#include <string_view>

#include "api/api_state.h"

namespace spoorboek::api {
namespace {

constexpr std::array kDocumentParts = {
    std::string_view(R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "Spoorboek API",
    "version": "1",
    "description": "The JSON API of Spoorboek, the reintegration file (re-integratiedossier) under the Wet verbetering poortwachter. Authenticate with a session (POST /api/v1/login) sent as `Authorization: Bearer sbs_...` or as the cookie `spoorboek_session`, or with an API token (`Authorization: Bearer sbk_...`). A write (POST, PUT, DELETE) authenticated by the cookie must send the session's CSRF token in the `X-CSRF-Token` header (403, field X-CSRF-Token, without it); Bearer requests need none. Request bodies are one JSON object sent as application/json, at most 1 MiB; unknown fields are refused. Dates are ISO 8601 (2026-03-02), timestamps UTC. What a caller reaches and reads follows from their role and organisation; a case of another tenant answers 404 as if it did not exist. Every error has the shape {\"error\":{\"code\",\"message\",\"field\"}}. A path without a route answers 404, a route with another method 405 with Allow."
  },
  "servers": [{"url": "/"}],
  "tags": [
    {"name": "meta", "description": "Health and this document."},
    {"name": "auth", "description": "Login, logout, the caller, two-factor login."},
    {
      "name": "cases",
      "description": "Case files: sick reports, entries, timelines, assignments, reads."
    },
    {
      "name": "organisations",
      "description": "Employers, employees, service providers and contracts."
    },
    {"name": "users", "description": "User accounts and API tokens."},
    {"name": "calendar", "description": "The per-user iCalendar feed of deadlines."}
  ],
  "security": [{"bearerAuth": []}, {"cookieAuth": []}],
  "paths": {
    "/healthz": {
      "get": {
        "tags": ["meta"],
        "summary": "Health check: the database answers",
        "operationId": "getHealth",
        "description": "For load balancers. Needs no login.",
        "responses": {
          "200": {
            "description": "The database answered.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}
          },
          "503": {
            "description": "The database does not answer: {\"status\":\"unavailable\"}, or the error body when no connection can be opened at all.",
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {"$ref": "#/components/schemas/HealthUnavailable"},
                    {"$ref": "#/components/schemas/Error"}
                  ]
                }
              }
            }
          }
        },
        "security": []
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "tags": ["meta"],
        "summary": "This OpenAPI document",
        "operationId": "getOpenApi",
        "description": "Needs no login.",
        "responses": {
          "200": {
            "description": "The OpenAPI 3.0.3 document of every route.",
            "content": {"application/json": {"schema": {"type": "object"}}}
          }
        },
        "security": []
      }
    },
    "/api/v1/login": {
      "post": {
        "tags": ["auth"],
        "summary": "Log in with e-mail address and password (and a TOTP code)",
        "operationId": "login",
        "description": "Answers a session: its token is set as the HttpOnly cookie `spoorboek_session` and also returned for use as a Bearer token, with the CSRF token that cookie-authenticated writes must send in X-CSRF-Token. A failed login says only that the e-mail address or password is wrong. After 5 failed logins for one account (or 20 from one address) within 15 minutes further attempts get 429 with Retry-After, even with the right password. Company doctors and administrators must use two-factor login (except in a demo database): without it set up, the session is enrolment-only (`enrolment_only: true`) and may call only GET /api/v1/me, POST /api/v1/me/totp, POST /api/v1/me/totp/confirm and POST /api/v1/logout. An account with two-factor login needs `totp` (422 `totp_required`, field `totp`, without it; 401 with field `totp` for a wrong or already used code).",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoginRequest"}}}
        },
        "responses": {
          "200": {
            "description": "Logged in.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}},
            "headers": {
              "Set-Cookie": {
                "description": "spoorboek_session=<token>; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200 (Secure over TLS)",
                "schema": {"type": "string"}
              }
            }
          },
          "429": {
            "description": "Too many failed logins: wait the seconds in Retry-After.",
            "headers": {
              "Retry-After": {
                "description": "Seconds to wait before the next attempt.",
                "schema": {"type": "integer", "minimum": 1}
              }
            },
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        },
        "security": []
      }
    },
    "/api/v1/logout": {
      "post": {
        "tags": ["auth"],
        "summary": "Log out: end the session",
        "operationId": "logout",
        "description": "Ends the session the request came with (cookie or Bearer session token) and clears the cookie. API tokens are revoked (DELETE /api/v1/tokens/{id}), not logged out: 400 for them. No body. Allowed for enrolment-only sessions.",
        "responses": {
          "200": {
            "description": "Logged out; the token no longer works.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoggedOut"}}},
            "headers": {
              "Set-Cookie": {"description": "Clears spoorboek_session (Max-Age=0).", "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "tags": ["auth"],
        "summary": "Who am I: the caller's account, roles and tenancy",
        "operationId": "getMe",
        "description": "Allowed for enrolment-only sessions.",
        "responses": {
          "200": {
            "description": "The caller.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/me/totp": {
      "post": {
        "tags": ["auth"],
        "summary": "Begin setting up two-factor login (TOTP)",
        "operationId": "beginTotp",
        "description": "Returns a new secret and its otpauth:// URI (for a QR code); it becomes active only after POST /api/v1/me/totp/confirm with a current code. No body. Allowed for enrolment-only sessions.",
        "responses": {
          "200": {
            "description": "A new, not yet active secret.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TotpEnrolment"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/me/totp/confirm": {
      "post": {
        "tags": ["auth"],
        "summary": "Confirm two-factor login with a current code",
        "operationId": "confirmTotp",
        "description": "Activates the secret of POST /api/v1/me/totp and ends every session of the account (also this one): log in again with a code. Allowed for enrolment-only sessions.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TotpConfirmRequest"}}}
        },
        "responses": {
          "200": {
            "description": "Two-factor login is on.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TotpConfirmed"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "409": {"$ref": "#/components/responses/409"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/me/calendar": {
      "get": {
        "tags": ["calendar"],
        "summary": "Whether the caller has a calendar feed",
        "operationId": "getCalendarFeed",
        "description": "The feed's secret is never shown again after it was made: only whether a feed exists, its language and when it was made.",
        "responses": {
          "200": {
            "description": "The caller's feed, if any.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CalendarFeedState"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["calendar"],
        "summary": "Create or rotate the caller's calendar feed",
        "operationId": "createCalendarFeed",
        "description": "Makes a new secret URL for the iCalendar feed of the deadlines of every open case the caller reaches, in the caller's language. The secret is shown once, in this answer; only its SHA-256 digest is stored. An earlier feed of the caller stops working at once. No body.",
        "responses": {
          "201": {
            "description": "The new feed. Subscribe to `path` on this server.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewCalendarFeed"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "delete": {
        "tags": ["calendar"],
        "summary": "Revoke the caller's calendar feed",
        "operationId": "revokeCalendarFeed",
        "description": "The feed's URL answers 404 from now on.",
        "responses": {
          "200": {
            "description": "Revoked.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CalendarFeedRevoked"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/calendar/{feed}": {
      "get": {
        "tags": ["calendar"],
        "summary": "The iCalendar feed of a user's deadlines",
        "operationId": "getCalendar",
        "description": "For calendar clients (Outlook, Google Calendar): the secret in the URL is the credential, so no cookie or token is needed. An iCalendar (RFC 5545) document with one all-day event per open deadline (and the end of the waiting period) of every open case the feed's owner reaches, with the dates of the deadline engine. Events name the case by its number and the employee by initials only, and hold nothing medical. An unknown, rotated or revoked secret, or a disabled account, answers 404.",
        "parameters": [
          {
            "name": "feed",
            "in": "path",
            "required": true,
            "description": "The secret followed by .ics: `sbc_....ics`.",
            "schema": {"type": "string"}
          }
        ],
        "responses": {
          "200": {
            "description": "The calendar.",
            "content": {"text/calendar": {"schema": {"type": "string"}}}
          },
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        },
        "security": []
      }
    },
)json"),
    std::string_view(R"json(    "/api/v1/cases.csv": {
      "get": {
        "tags": ["cases"],
        "summary": "The case list as CSV for payroll and HR systems",
        "operationId": "listCasesCsv",
        "description": "The listing of GET /api/v1/cases (the same filters, the same reach: only the cases the caller reaches) as CSV (RFC 4180, CRLF line ends, a header row): case_id, employer, personnel_number, employee, status, first_sick_day, sick_week, next_deadline, next_deadline_name (the Dutch legal term), next_deadline_due, days_left, waiting_period_end. Without `limit` every matching case. A text cell that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe. Nothing medical.",
        "parameters": [
          {"$ref": "#/components/parameters/CaseEmployerFilter"},
          {"$ref": "#/components/parameters/CaseStatusFilter"},
          {"$ref": "#/components/parameters/CaseDueWithinDays"},
          {"$ref": "#/components/parameters/CaseAssigneeFilter"},
          {"$ref": "#/components/parameters/CaseIncludeClosed"},
          {"$ref": "#/components/parameters/CaseOverdue"},
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Rows at most (default: every matching case).",
            "schema": {"type": "integer", "minimum": 1, "maximum": 500}
          },
          {"$ref": "#/components/parameters/CaseOffset"}
        ],
        "responses": {
          "200": {
            "description": "The list.",
            "content": {"text/csv": {"schema": {"type": "string"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases": {
      "get": {
        "tags": ["cases"],
        "summary": "List the cases the caller reaches (the dashboard)",
        "operationId": "listCases",
        "description": "Overdue first, then by due date; cases without an open deadline last. Only cases the caller reaches: their employer's (case manager, administrator of an employer), the employers their arbo service serves (company doctor, occupational expert), their team's (line manager), the cases assigned to their office (reintegration coach), their own (employee), all (platform administrator). Ended cases only with include_closed=true or status. Unknown query keys: 422 unknown_field.",
        "parameters": [
          {"$ref": "#/components/parameters/CaseEmployerFilter"},
          {"$ref": "#/components/parameters/CaseStatusFilter"},
          {"$ref": "#/components/parameters/CaseDueWithinDays"},
          {"$ref": "#/components/parameters/CaseAssigneeFilter"},
          {"$ref": "#/components/parameters/CaseIncludeClosed"},
          {"$ref": "#/components/parameters/CaseOverdue"},
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Page size.",
            "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}
          },
          {"$ref": "#/components/parameters/CaseOffset"}
        ],
        "responses": {
          "200": {
            "description": "One page of cases.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CasePage"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["cases"],
        "summary": "Report an employee sick: open a case with its sick report",
        "operationId": "reportSick",
        "description": "The employer's sick report (ziekmelding): only closed choices and yes/no answers, no free text and no medical data (a `medical` object is refused). 409 while the employee has an open case or when the new sickness starts within 28 days of an earlier case (then it is a relapse there). 404 for an employee the caller does not reach.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SickReportRequest"}}}
        },
        "responses": {
          "201": {
            "description": "The case is opened; Location names it.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AppendResult"}}},
            "headers": {"Location": {"description": "/api/v1/cases/{id}", "schema": {"type": "string"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "409": {"$ref": "#/components/responses/409"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["cases"],
        "summary": "Read a case file",
        "operationId": "getCaseFile",
        "description": "The entries as the caller may see them: a payload of a visibility class the caller may not read is replaced by {} with `redacted: true`; an entry's `medical` object is present only for the company doctor (of an arbo service serving the employer) and for the employee; everyone else sees only `medical_present`. The read is recorded before the answer is sent (503 when it cannot be). 404 also for a case the caller does not reach (another tenant's ids reveal nothing).",
        "parameters": [
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "The day the file's statuses and deadlines are computed for (default today).",
            "schema": {"type": "string", "format": "date"}
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the milestone explanations (default nl).",
            "schema": {"type": "string", "enum": ["nl", "en"], "default": "nl"}
          }
        ],
        "responses": {
          "200": {
            "description": "The case file.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases/{id}/timeline": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["cases"],
        "summary": "The case's statutory deadlines (the timeline contract)",
        "operationId": "getCaseTimeline",
        "description": "The engine input folded from the file and every milestone with its due date, status and explanation. 404 when the case has no sick report yet or is not reached. The read is recorded.",
        "parameters": [
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "The day the file's statuses and deadlines are computed for (default today).",
            "schema": {"type": "string", "format": "date"}
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the milestone explanations (default nl).",
            "schema": {"type": "string", "enum": ["nl", "en"], "default": "nl"}
          }
        ],
        "responses": {
          "200": {
            "description": "The timeline.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Timeline"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases/{id}/check": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["cases"],
        "summary": "The completeness check of the case file (RIV, documents-and-privacy.md §13)",
        "operationId": "getCaseCheck",
        "description": "Every finding of the completeness check as of a day: a stable code, the §13 number, the severity (BLOCK, WARN, INFO), the legal basis, what to do, the entries concerned, the RIV element and the deadline concerned; and the wage-sanction risk score (0-100) with its reasons. Authorised like reading the case file (404 for a case that is not reached). Findings never quote the file; the privacy lint's matched term is left out for entries the caller does not read. The read is recorded.",
        "parameters": [
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "The day the check is made for (default today).",
            "schema": {"type": "string", "format": "date"}
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the titles and actions (default nl).",
            "schema": {"type": "string", "enum": ["nl", "en"], "default": "nl"}
          }
        ],
        "responses": {
          "200": {
            "description": "The check.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseCheck"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases/{id}/entries": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["cases"],
        "summary": "Append an entry to a case file",
        "operationId": "appendEntry",
        "description": "The file is append-only: a correction is a new entry of type `correction`. Which types a role may add is fixed (e.g. the employee: reintegration_interview, plan_agreement, employee_view, file_copy_request and wia_application; the company doctor: long_term_expected, problem_analysis, progress_evaluation, reintegration_interview, safety_net, correction, gp_conversation, occupational_expert_report and current_judgement, of which gp_conversation and current_judgement are the doctor's alone); others get 403. A `medical` object in the payload only from those who read medical data (company doctor, employee): 403 otherwise; a gp_conversation requires one (gp_position, next_step, optional medical_considerations). It is stored encrypted. `occurred_on` may not be after today (except maternity_leave). With `expected_seq` a stale view gets 409.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntryRequest"}}}
        },
        "responses": {
          "201": {
            "description": "Appended.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AppendResult"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "409": {"$ref": "#/components/responses/409"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
)json"),
    std::string_view(R"json(    "/api/v1/cases/{id}/assignments": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["cases"],
        "summary": "Assign a reintegration office or a person to a case",
        "operationId": "assignCase",
        "description": "Case managers and administrators who reach the case. An office must be a reintegration office; a person must already reach the case (naming someone gives no access). Give exactly one of provider_id and user_id.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AssignmentRequest"}}}
        },
        "responses": {
          "200": {
            "description": "Assigned.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Assigned"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/cases/{id}/reads": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["cases"],
        "summary": "Who read the case file, and when",
        "operationId": "listCaseReads",
        "description": "For those who run the case (case manager, administrator) and for the employee whose file it is.",
        "responses": {
          "200": {
            "description": "The read log.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReadList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/employers": {
      "get": {
        "tags": ["organisations"],
        "summary": "List the employers the caller works for or serves",
        "operationId": "listEmployers",
        "responses": {
          "200": {
            "description": "Employers.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EmployerList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["organisations"],
        "summary": "Add an employer (platform administrators)",
        "operationId": "createEmployer",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NameRequest"}}}
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedId"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/employers/{id}/employees": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["organisations"],
        "summary": "List an employer's employees",
        "operationId": "listEmployees",
        "description": "Case managers of the employer and administrators. 404 for an employer the caller does not reach.",
        "responses": {
          "200": {
            "description": "Employees.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EmployeeList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["organisations"],
        "summary": "Add an employee to an employer",
        "operationId": "createEmployee",
        "description": "Case managers of the employer and its administrators. A personnel number is unique per employer: 409 (field personnel_number) for a second one.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewEmployeeRequest"}}}
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedId"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "409": {"$ref": "#/components/responses/409"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/employees/{id}/manager": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "put": {
        "tags": ["organisations"],
        "summary": "Set or clear an employee's line manager",
        "operationId": "setEmployeeManager",
        "description": "The manager must be a line manager of the employee's employer; null clears it.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ManagerRequest"}}}
        },
        "responses": {
          "200": {
            "description": "Updated.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Updated"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/providers": {
      "get": {
        "tags": ["organisations"],
        "summary": "List service providers (arbo services, reintegration offices)",
        "operationId": "listProviders",
        "description": "Case managers see the providers serving their employer and every reintegration office (to assign cases to); administrators their own; platform administrators all.",
        "responses": {
          "200": {
            "description": "Providers.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProviderList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["organisations"],
        "summary": "Add a service provider (platform administrators)",
        "operationId": "createProvider",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewProviderRequest"}}}
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedId"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
)json"),
    std::string_view(R"json(    "/api/v1/employers/{id}/imports/employees": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["organisations"],
        "summary": "Import the employer's staff list from HR (CSV)",
        "operationId": "importEmployees",
        "description": "The employer's administrators and its own case managers; other roles 403, an employer the caller does not administer 404. The CSV (columns: docs/import.md) comes as a JSON string. New personnel numbers become employees; known ones get the file's name and line manager (by e-mail). All or nothing: with any line error nothing is written and the answer is 422 with the report beside the error. dry_run plans and writes nothing. The same file twice changes nothing.",
        "requestBody": {"$ref": "#/components/requestBodies/Import"},
        "responses": {
          "200": {"$ref": "#/components/responses/ImportDone"},
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/ImportRefused"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/employers/{id}/imports/reports": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["organisations"],
        "summary": "Import sick and recovery reports from payroll (CSV)",
        "operationId": "importReports",
        "description": "Who may, the body and the answers as for the staff list. Each line (ziek, hersteld, gedeeltelijk hersteld; docs/import.md) becomes the entry a case manager would record, per employee in date order; a recovery whose sick period is not recorded yet is held and applied by a later import. Unknown personnel numbers are line errors.",
        "requestBody": {"$ref": "#/components/requestBodies/Import"},
        "responses": {
          "200": {"$ref": "#/components/responses/ImportDone"},
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/ImportRefused"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/employers/{id}/held-reports": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["organisations"],
        "summary": "List the employer's held reports",
        "operationId": "listHeldReports",
        "description": "Recoveries and partial recoveries of an import that wait for their sick period, by employee and date. Who may: as for the imports.",
        "responses": {
          "200": {
            "description": "Held reports.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HeldReportList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
)json"),
    std::string_view(R"json(    "/api/v1/providers/{id}/employers": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["organisations"],
        "summary": "Record that a provider serves an employer (platform administrators)",
        "operationId": "linkProviderEmployer",
        "description": "Recording an existing contract again changes nothing.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EmployerLinkRequest"}}}
        },
        "responses": {
          "200": {
            "description": "Linked.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Linked"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/users": {
      "get": {
        "tags": ["users"],
        "summary": "List the users the caller administers",
        "operationId": "listUsers",
        "responses": {
          "200": {
            "description": "Users.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["users"],
        "summary": "Add a user (administrators, for their own organisation)",
        "operationId": "createUser",
        "description": "A user belongs to an employer or to a provider, not both; an employee account names its employee record. The password needs at least 12 characters. 409 (field email) when the e-mail address has an account already.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewUserRequest"}}}
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedId"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "409": {"$ref": "#/components/responses/409"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/users/{id}/disable": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["users"],
        "summary": "Disable a user and end their sessions",
        "operationId": "disableUser",
        "description": "No body. 404 for a user the caller does not administer.",
        "responses": {
          "200": {
            "description": "Disabled.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Disabled"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/users/{id}/enable": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "post": {
        "tags": ["users"],
        "summary": "Enable a disabled user",
        "operationId": "enableUser",
        "description": "No body. 404 for a user the caller does not administer.",
        "responses": {
          "200": {
            "description": "Enabled.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Disabled"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/tokens": {
      "get": {
        "tags": ["users"],
        "summary": "List the API tokens of the users the caller administers",
        "operationId": "listTokens",
        "description": "The token values are never shown again; only their names and dates.",
        "responses": {
          "200": {
            "description": "API tokens.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenList"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "503": {"$ref": "#/components/responses/503"}
        }
      },
      "post": {
        "tags": ["users"],
        "summary": "Create an API token for a user (shown once)",
        "operationId": "createToken",
        "description": "Use it as `Authorization: Bearer sbk_...`. Only its digest is stored.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewTokenRequest"}}}
        },
        "responses": {
          "201": {
            "description": "The token, shown this once.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedToken"}}}
          },
          "400": {"$ref": "#/components/responses/400"},
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "413": {"$ref": "#/components/responses/413"},
          "422": {"$ref": "#/components/responses/422"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    },
    "/api/v1/tokens/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "delete": {
        "tags": ["users"],
        "summary": "Revoke an API token",
        "operationId": "revokeToken",
        "description": "It stops working at once (401).",
        "responses": {
          "200": {
            "description": "Revoked.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Revoked"}}}
          },
          "401": {"$ref": "#/components/responses/401"},
          "403": {"$ref": "#/components/responses/403"},
          "404": {"$ref": "#/components/responses/404"},
          "503": {"$ref": "#/components/responses/503"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "A session token (sbs_..., from POST /api/v1/login) or an API token (sbk_...)."
      },
      "cookieAuth": {
        "type": "apiKey",
        "in": "cookie",
        "name": "spoorboek_session",
        "description": "The session cookie set by POST /api/v1/login (HttpOnly, SameSite=Strict). Writes (POST, PUT, DELETE) must also send the session's csrf_token in the X-CSRF-Token header."
      }
    },
    "parameters": {
      "CaseEmployerFilter": {
        "name": "employer_id",
        "in": "query",
        "required": false,
        "description": "Only cases of this employer.",
        "schema": {"type": "integer", "minimum": 0}
      },
      "CaseStatusFilter": {
        "name": "status",
        "in": "query",
        "required": false,
        "description": "Only cases with this status (also ended ones when it is `recovered`).",
        "schema": {"$ref": "#/components/schemas/CaseStatus"}
      },
      "CaseDueWithinDays": {
        "name": "due_within_days",
        "in": "query",
        "required": false,
        "description": "Only cases whose next deadline is due within this many days (overdue ones included).",
        "schema": {"type": "integer", "minimum": 0, "maximum": 3650}
      },
      "CaseAssigneeFilter": {
        "name": "assignee_id",
        "in": "query",
        "required": false,
        "description": "Only cases this user is named on.",
        "schema": {"type": "integer", "minimum": 0}
      },
      "CaseIncludeClosed": {
        "name": "include_closed",
        "in": "query",
        "required": false,
        "description": "Also ended (recovered) cases.",
        "schema": {"type": "boolean", "default": false}
      },
      "CaseOverdue": {
        "name": "overdue",
        "in": "query",
        "required": false,
        "description": "Only cases whose next deadline passed before today (the arbo service's list of what is late).",
        "schema": {"type": "boolean", "default": false}
      },
      "CaseOffset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "Matches to skip.",
        "schema": {"type": "integer", "minimum": 0, "default": 0}
      },
      "Id": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "A positive decimal id without sign or leading zeros (anything else: 404).",
        "schema": {"type": "integer", "minimum": 1}
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string",
                "description": "Machine-readable: malformed_json, bad_request, unauthenticated, forbidden, not_found, conflict, payload_too_large, too_many_requests, unavailable, internal, or a validation code (missing_field, invalid_type, unknown_field, invalid_date, future_date, out_of_range, invalid, ...)."
              },
              "message": {"type": "string", "description": "One sentence for a person."},
              "field": {
                "type": "string",
                "description": "The input concerned, a path such as `payload.end`, a header name such as `X-CSRF-Token`, or empty when the request as a whole is at fault."
              }
            },
            "required": ["code", "message", "field"],
            "additionalProperties": false
          }
        },
        "required": ["error"],
        "additionalProperties": false,
        "description": "Every error: {\"error\":{\"code\",\"message\",\"field\"}}."
      },
      "Health": {
        "type": "object",
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "schema_version": {"type": "integer"}},
        "required": ["status", "schema_version"],
        "additionalProperties": false
      },
      "HealthUnavailable": {
        "type": "object",
        "properties": {"status": {"type": "string", "enum": ["unavailable"]}},
        "required": ["status"],
        "additionalProperties": false
      },
      "LoginRequest": {
        "type": "object",
        "properties": {
          "email": {"type": "string", "maxLength": 254},
          "password": {"type": "string", "maxLength": 1024},
          "totp": {
            "type": "string",
            "maxLength": 8,
            "description": "The current 6-digit code, for accounts with two-factor login."
          }
        },
        "required": ["email", "password"],
        "additionalProperties": false
      },
      "Actor": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "display_name": {"type": "string"},
          "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
          "employer_id": {"type": "integer", "nullable": true},
          "provider_id": {"type": "integer", "nullable": true},
          "employee_id": {"type": "integer", "nullable": true}
        },
        "required": ["id", "display_name", "roles", "employer_id", "provider_id", "employee_id"],
        "additionalProperties": false
      },
      "Me": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {"type": "integer"},
          "display_name": {"type": "string"},
          "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
          "employer_id": {"type": "integer", "nullable": true},
          "provider_id": {"type": "integer", "nullable": true},
          "employee_id": {"type": "integer", "nullable": true},
          "enrolment_only": {"type": "boolean"}
        },
        "required": [
          "id",
          "display_name",
          "roles",
          "employer_id",
          "provider_id",
          "employee_id",
          "enrolment_only"
        ]
      },
      "Session": {
        "type": "object",
        "properties": {
          "token": {"type": "string", "description": "sbs_...: the Bearer token, also set as the cookie."},
          "csrf_token": {
            "type": "string",
            "description": "Send as X-CSRF-Token with cookie-authenticated writes."
          },
          "expires_at": {"type": "integer", "description": "Unix seconds."},
          "enrolment_only": {"type": "boolean"},
          "user": {"$ref": "#/components/schemas/Actor"}
        },
        "required": ["token", "csrf_token", "expires_at", "enrolment_only", "user"],
        "additionalProperties": false
      },
      "LoggedOut": {
        "type": "object",
        "properties": {"logged_out": {"type": "boolean"}},
        "required": ["logged_out"],
        "additionalProperties": false
      },
      "CalendarFeedState": {
        "type": "object",
        "properties": {
          "active": {"type": "boolean"},
          "language": {"type": "string", "enum": ["nl", "en"]},
          "created_at": {"type": "string", "format": "date-time"}
        },
        "required": ["active"],
        "additionalProperties": false
      },
      "NewCalendarFeed": {
        "type": "object",
        "properties": {
          "secret": {"type": "string", "description": "sbc_...; shown once."},
          "path": {"type": "string", "description": "/calendar/<secret>.ics"},
          "language": {"type": "string", "enum": ["nl", "en"]},
          "created_at": {"type": "string", "format": "date-time"}
        },
        "required": ["secret", "path", "language", "created_at"],
        "additionalProperties": false
      },
      "CalendarFeedRevoked": {
        "type": "object",
        "properties": {"revoked": {"type": "boolean", "enum": [true]}},
        "required": ["revoked"],
        "additionalProperties": false
      },
      "TotpEnrolment": {
        "type": "object",
        "properties": {
          "secret": {"type": "string", "description": "Base32."},
          "otpauth_uri": {
            "type": "string",
            "description": "otpauth://totp/Spoorboek:<email>?secret=...&issuer=Spoorboek&algorithm=SHA1&digits=6&period=30"
          }
        },
        "required": ["secret", "otpauth_uri"],
        "additionalProperties": false
      },
      "TotpConfirmRequest": {
        "type": "object",
        "properties": {"code": {"type": "string", "maxLength": 8, "description": "The current 6-digit code."}},
        "required": ["code"],
        "additionalProperties": false
      },
      "TotpConfirmed": {
        "type": "object",
        "properties": {"totp_enabled": {"type": "boolean"}, "log_in_again": {"type": "boolean"}},
        "required": ["totp_enabled", "log_in_again"],
        "additionalProperties": false
      },
      "Role": {
        "type": "string",
        "enum": [
          "case_manager",
          "line_manager",
          "company_doctor",
          "occupational_expert",
          "reintegration_coach",
          "employee",
          "administrator"
        ]
      },
      "CaseStatus": {
        "type": "string",
        "enum": ["no_sickness", "sick", "working_partially", "maternity_leave", "recovered"]
      },
      "EntryType": {
        "type": "string",
        "enum": [
          "sick_report",
          "recovery",
          "relapse",
          "partial_work",
          "maternity_leave",
          "long_term_expected",
          "company_doctor_report",
          "problem_analysis",
          "plan_of_action",
          "progress_evaluation",
          "reintegration_interview",
          "uwv_42_week_report",
          "first_year_evaluation",
          "track_1_attempt",
          "track_2_decision",
          "uwv_wia_letter",
          "reintegration_report",
          "wia_application",
          "voluntary_extension",
          "wage_sanction",
          "employment_end",
          "safety_net",
          "deviation",
          "correction",
          "plan_agreement",
          "employee_view",
          "file_copy_request",
          "gp_conversation",
          "expert_opinion",
          "occupational_expert_report",
          "current_judgement",
          "end_evaluation",
          "track_2_activity"
        ]
      },
      "CaseRow": {
        "type": "object",
        "properties": {
          "case_id": {"type": "integer"},
          "employer_id": {"type": "integer"},
          "employer_name": {"type": "string"},
          "employee_id": {"type": "integer"},
          "employee_name": {"type": "string"},
          "status": {"$ref": "#/components/schemas/CaseStatus"},
          "first_sick_day": {"type": "string", "format": "date", "nullable": true},
          "sick_week": {"type": "integer"},
          "next_deadline": {"type": "string", "nullable": true},
          "next_deadline_due": {"type": "string", "format": "date", "nullable": true},
          "days_left": {"type": "integer", "nullable": true, "description": "Negative when overdue."},
          "waiting_period_end": {"type": "string", "format": "date", "nullable": true}
        },
        "required": [
          "case_id",
          "employer_id",
          "employer_name",
          "employee_id",
          "employee_name",
          "status",
          "first_sick_day",
          "sick_week",
          "next_deadline",
          "next_deadline_due",
          "days_left",
          "waiting_period_end"
        ],
        "additionalProperties": false
      },
      "CasePage": {
        "type": "object",
        "properties": {
          "cases": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRow"}},
          "total": {"type": "integer", "description": "Matches without limit and offset."},
          "limit": {"type": "integer"},
          "offset": {"type": "integer"},
          "as_of": {"type": "string", "format": "date"}
        },
        "required": ["cases", "total", "limit", "offset", "as_of"],
        "additionalProperties": false
      },
      "SickReportPayload": {
        "type": "object",
        "properties": {
          "expected_duration": {"type": "string", "enum": ["up_to_1_week", "1_to_6_weeks", "over_6_weeks", "unknown"]},
          "safety_net_applies": {"type": "boolean"},
          "work_accident": {"type": "boolean"},
          "third_party_liability": {"type": "boolean"},
          "contact_phone": {"type": "string", "maxLength": 20, "pattern": "^[0-9+() -]*$"},
          "appointments": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "on": {"type": "string", "format": "date"},
                "with": {"type": "string", "enum": ["employer", "company_doctor", "case_manager"]}
              },
              "required": ["on", "with"],
              "additionalProperties": false
            }
          }
        },
        "required": ["expected_duration", "safety_net_applies", "work_accident", "third_party_liability"],
        "additionalProperties": false,
        "description": "Only what the employer may register: no free text, no medical object."
      },
      "SickReportRequest": {
        "type": "object",
        "properties": {
          "employee_id": {"type": "integer", "minimum": 1, "maximum": 9007199254740991},
          "first_sick_day": {
            "type": "string",
            "format": "date",
            "description": "A real calendar date, not after today."
          },
          "payload": {"$ref": "#/components/schemas/SickReportPayload"}
        },
        "required": ["employee_id", "first_sick_day"],
        "additionalProperties": false,
        "description": "Without payload the sick report's required fields are missing (422)."
      },
      "EntryRequest": {
        "type": "object",
        "properties": {
          "type": {"$ref": "#/components/schemas/EntryType"},
          "occurred_on": {
            "type": "string",
            "format": "date",
            "description": "The business date of the fact; not after today (except maternity_leave)."
          },
          "payload": {
            "type": "object",
            "description": "The fields of the entry's type (unknown fields are refused with 422 unknown_field, e.g. `payload.x`). Any type except sick_report may carry a top-level `medical` object: it is split off, encrypted, and shown only to the company doctor and the employee.",
            "additionalProperties": true,
            "properties": {"medical": {"type": "object", "additionalProperties": true}}
          },
          "expected_seq": {
            "type": "integer",
            "minimum": 1,
            "description": "The seq the new entry must receive (optimistic concurrency): 409 when the file has moved on."
          }
        },
        "required": ["type", "occurred_on", "payload"],
        "additionalProperties": false
      },
      "AppendResult": {
        "type": "object",
        "properties": {
          "case_id": {"type": "integer"},
          "seq": {"type": "integer"},
          "hash": {"type": "string", "description": "SHA-256, lowercase hex."},
          "status": {"$ref": "#/components/schemas/CaseStatus"},
          "next_deadline": {"type": "string", "nullable": true},
          "next_deadline_due": {"type": "string", "format": "date", "nullable": true}
        },
        "required": ["case_id", "seq", "hash", "status", "next_deadline", "next_deadline_due"],
        "additionalProperties": false
      },
      "Entry": {
        "type": "object",
        "properties": {
          "seq": {"type": "integer"},
          "type": {
            "description": "The entry's type; \"confidential\" for a MEDICAL entry the caller may not read (not even its type is shown).",
            "anyOf": [{"$ref": "#/components/schemas/EntryType"}, {"type": "string", "enum": ["confidential"]}]
          },
          "type_label": {"type": "string"},
          "occurred_on": {"type": "string", "format": "date"},
          "recorded_at": {"type": "string", "description": "UTC timestamp, e.g. 2026-03-02T10:15:00Z"},
          "actor": {"type": "string", "description": "user:<id>"},
          "visibility": {"type": "string", "enum": ["ADMIN", "ABSENCE", "FUNCTIONAL", "MEDICAL", "EMPLOYEE_OWN"]},
          "redacted": {
            "type": "boolean",
            "description": "The payload is of a class the caller may not read: {} instead."
          },
          "voided": {"type": "boolean"},
          "corrected": {"type": "boolean"},
          "payload": {"type": "object"},
          "medical_present": {"type": "boolean", "description": "The entry has a medical part."},
          "medical": {"type": "object", "description": "Only for the company doctor and the employee."},
          "hash": {"type": "string"}
        },
        "required": [
          "seq",
          "type",
          "type_label",
          "occurred_on",
          "recorded_at",
          "actor",
          "visibility",
          "redacted",
          "voided",
          "corrected",
          "payload",
          "medical_present",
          "hash"
        ],
        "additionalProperties": false
      },
      "Milestone": {
        "type": "object",
        "properties": {
          "key": {"type": "string"},
          "label": {"type": "string"},
          "status": {
            "type": "string",
            "enum": [
              "upcoming",
              "due_soon",
              "overdue",
              "done_on_time",
              "done_late",
              "deviation",
              "not_applicable",
              "info"
            ]
          },
          "responsible": {
            "type": "string",
            "enum": ["employer", "employee", "employer_and_employee", "company_doctor", "uwv", "none"]
          },
          "legal_basis": {"type": "string"},
          "from": {"type": "string", "format": "date", "nullable": true},
          "due": {"type": "string", "format": "date", "nullable": true},
          "done_on": {"type": "string", "format": "date", "nullable": true},
          "explanation": {"type": "string"}
        },
        "required": [
          "key",
          "label",
          "status",
          "responsible",
          "legal_basis",
          "from",
          "due",
          "done_on",
          "explanation"
        ],
        "additionalProperties": false
      },
      "CaseFile": {
        "type": "object",
        "properties": {
          "case_id": {"type": "integer"},
          "employer_id": {"type": "integer"},
          "employer_name": {"type": "string"},
          "employee_id": {"type": "integer"},
          "employee_name": {"type": "string"},
          "created_at": {"type": "string", "description": "UTC timestamp, e.g. 2026-03-02T10:15:00Z"},
          "status": {"$ref": "#/components/schemas/CaseStatus"},
          "as_of": {"type": "string", "format": "date"},
          "first_sick_day": {"type": "string", "format": "date", "nullable": true},
          "sick_week": {"type": "integer"},
          "waiting_period_end": {"type": "string", "format": "date", "nullable": true},
          "wage_continuation_end": {"type": "string", "format": "date", "nullable": true},
          "next_deadline": {"type": "string", "nullable": true},
          "reads_medical": {"type": "boolean"},
          "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
          "milestones": {"type": "array", "items": {"$ref": "#/components/schemas/Milestone"}}
        },
        "required": [
          "case_id",
          "employer_id",
          "employer_name",
          "employee_id",
          "employee_name",
          "created_at",
          "status",
          "as_of",
          "first_sick_day",
          "sick_week",
          "waiting_period_end",
          "wage_continuation_end",
          "next_deadline",
          "reads_medical",
          "entries",
          "milestones"
        ],
        "additionalProperties": false
      },
      "Timeline": {
        "type": "object",
        "description": "The `spoorboek timeline` output contract: first_sick_day, as_of, case, deadlines (every milestone by key in process order, each with due, responsible, legal_basis, status, explanation, explanation_nl and, where they apply, from, remind_on, last_working_day, uwv_working_day, done_on, deemed_timely, not_applicable_reason), wage_period, progress_evaluations and, when it applies, early_iva.",
        "required": ["first_sick_day", "as_of", "case", "deadlines", "wage_period", "progress_evaluations"],
        "properties": {
          "first_sick_day": {"type": "string", "format": "date"},
          "as_of": {"type": "string", "format": "date"},
          "case": {"type": "object"},
          "deadlines": {"type": "object", "additionalProperties": {"type": "object"}},
          "wage_period": {"type": "object", "nullable": true},
          "progress_evaluations": {"type": "array", "items": {"type": "object"}},
          "early_iva": {"type": "object"}
        }
      },
      "AssignmentRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "provider_id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991,
            "description": "A reintegration office."
          },
          "user_id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991,
            "description": "A person who reaches the case."
          }
        },
        "oneOf": [{"required": ["provider_id"]}, {"required": ["user_id"]}],
        "description": "Exactly one of provider_id and user_id (both or neither: 422 invalid, field provider_id)."
      },
      "Assigned": {
        "type": "object",
        "properties": {"assigned": {"type": "boolean"}},
        "required": ["assigned"],
        "additionalProperties": false
      },
      "CaseCheck": {
        "type": "object",
        "required": ["case_id", "as_of", "riv_phase", "blocks", "warnings", "infos", "risk", "findings"],
        "properties": {
          "case_id": {"type": "integer"},
          "as_of": {"type": "string", "format": "date"},
          "riv_phase": {"type": "boolean", "description": "The RIV's elements are expected (UWV's letter window opened, or the RIV is due soon or due)."},
          "blocks": {"type": "integer"},
          "warnings": {"type": "integer"},
          "infos": {"type": "integer"},
          "risk": {
            "type": "object",
            "required": ["score", "level", "reasons"],
            "properties": {
              "score": {"type": "integer", "minimum": 0, "maximum": 100},
              "level": {"type": "string", "enum": ["none", "low", "medium", "high"]},
              "reasons": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["code", "points"],
                  "properties": {"code": {"type": "string"}, "points": {"type": "integer"}},
                  "additionalProperties": false
                }
              }
            },
            "additionalProperties": false
          },
          "findings": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["code", "number", "severity", "legal_basis", "title", "action", "entries", "element", "milestone", "due"],
              "properties": {
                "code": {"type": "string", "description": "Stable, e.g. RIV-A-problem_analysis_missing."},
                "number": {"type": "integer", "description": "The check's number in documents-and-privacy.md §13 (0: none)."},
                "severity": {"type": "string", "enum": ["BLOCK", "WARN", "INFO"]},
                "legal_basis": {"type": "string"},
                "title": {"type": "string"},
                "action": {"type": "string"},
                "entries": {"type": "array", "items": {"type": "integer"}},
                "element": {"type": "string", "nullable": true, "description": "The RIV element: a-l or medical_information."},
                "milestone": {"type": "string", "nullable": true},
                "due": {"type": "string", "format": "date", "nullable": true},
                "field": {"type": "string", "description": "Privacy lint: the payload field."},
                "term": {"type": "string", "description": "Privacy lint: the lexicon term that matched (left out for entries the caller does not read)."}
              },
              "additionalProperties": false
            }
          }
        },
        "additionalProperties": false
      },
      "CaseRead": {
        "type": "object",
        "properties": {
          "user_id": {"type": "integer"},
          "read_at": {"type": "string", "description": "UTC timestamp, e.g. 2026-03-02T10:15:00Z"},
          "what": {"type": "string", "enum": ["case_file", "timeline", "check"]},
          "request_id": {"type": "string"}
        },
        "required": ["user_id", "read_at", "what", "request_id"],
        "additionalProperties": false
      },
      "ReadList": {
        "type": "object",
        "properties": {"reads": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRead"}}},
        "required": ["reads"],
        "additionalProperties": false
      },
      "NameRequest": {
        "type": "object",
        "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 200}},
        "required": ["name"],
        "additionalProperties": false
      },
      "CreatedId": {
        "type": "object",
        "properties": {"id": {"type": "integer"}},
        "required": ["id"],
        "additionalProperties": false
      },
      "Employer": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        "required": ["id", "name"],
        "additionalProperties": false
      },
      "EmployerList": {
        "type": "object",
        "properties": {"employers": {"type": "array", "items": {"$ref": "#/components/schemas/Employer"}}},
        "required": ["employers"],
        "additionalProperties": false
      },
      "Employee": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "employer_id": {"type": "integer"},
          "name": {"type": "string"},
          "personnel_number": {"type": "string"},
          "manager_user_id": {"type": "integer", "nullable": true}
        },
        "required": ["id", "employer_id", "name", "personnel_number", "manager_user_id"],
        "additionalProperties": false
      },
      "EmployeeList": {
        "type": "object",
        "properties": {"employees": {"type": "array", "items": {"$ref": "#/components/schemas/Employee"}}},
        "required": ["employees"],
        "additionalProperties": false
      },
      "NewEmployeeRequest": {
        "type": "object",
        "properties": {
          "name": {"type": "string", "minLength": 1, "maxLength": 200},
          "personnel_number": {"type": "string", "minLength": 1, "maxLength": 64}
        },
        "required": ["name", "personnel_number"],
        "additionalProperties": false
      },
      "ManagerRequest": {
        "type": "object",
        "properties": {
          "user_id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991,
            "nullable": true,
            "description": "A line manager of the employee's employer, or null for none."
          }
        },
        "required": ["user_id"],
        "additionalProperties": false
      },
      "Updated": {
        "type": "object",
        "properties": {"updated": {"type": "boolean"}},
        "required": ["updated"],
        "additionalProperties": false
      },
      "Provider": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "name": {"type": "string"},
          "kind": {"type": "string", "enum": ["arbo_service", "reintegration_office"]},
          "employer_ids": {"type": "array", "items": {"type": "integer"}}
        },
        "required": ["id", "name", "kind", "employer_ids"],
        "additionalProperties": false
      },
      "ProviderList": {
        "type": "object",
        "properties": {"providers": {"type": "array", "items": {"$ref": "#/components/schemas/Provider"}}},
        "required": ["providers"],
        "additionalProperties": false
      },
      "NewProviderRequest": {
        "type": "object",
        "properties": {
          "name": {"type": "string", "minLength": 1, "maxLength": 200},
          "kind": {"type": "string", "enum": ["arbo_service", "reintegration_office"]}
        },
        "required": ["name", "kind"],
        "additionalProperties": false
      },
      "EmployerLinkRequest": {
        "type": "object",
        "properties": {"employer_id": {"type": "integer", "minimum": 1, "maximum": 9007199254740991}},
        "required": ["employer_id"],
        "additionalProperties": false
      },
      "Linked": {
        "type": "object",
        "properties": {"linked": {"type": "boolean"}},
        "required": ["linked"],
        "additionalProperties": false
      },
      "User": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "email": {"type": "string"},
          "display_name": {"type": "string"},
          "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
          "employer_id": {"type": "integer", "nullable": true},
          "provider_id": {"type": "integer", "nullable": true},
          "employee_id": {"type": "integer", "nullable": true},
          "totp_enabled": {"type": "boolean"},
          "disabled": {"type": "boolean"},
          "demo": {"type": "boolean"}
        },
        "required": [
          "id",
          "email",
          "display_name",
          "roles",
          "employer_id",
          "provider_id",
          "employee_id",
          "totp_enabled",
          "disabled",
          "demo"
        ],
        "additionalProperties": false
      },
      "UserList": {
        "type": "object",
        "properties": {"users": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}},
        "required": ["users"],
        "additionalProperties": false
      },
      "NewUserRequest": {
        "type": "object",
        "properties": {
          "email": {"type": "string", "maxLength": 254},
          "display_name": {"type": "string", "minLength": 1, "maxLength": 200},
          "password": {
            "type": "string",
            "minLength": 12,
            "maxLength": 1024,
            "description": "At least 12 characters, not one repeated."
          },
          "roles": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Role"}},
          "employer_id": {"type": "integer", "minimum": 1, "maximum": 9007199254740991},
          "provider_id": {"type": "integer", "minimum": 1, "maximum": 9007199254740991},
          "employee_id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991,
            "description": "Required for (and only for) the employee role."
          }
        },
        "required": ["email", "display_name", "password", "roles"],
        "additionalProperties": false
      },
      "Disabled": {
        "type": "object",
        "properties": {"disabled": {"type": "boolean"}},
        "required": ["disabled"],
        "additionalProperties": false
      },
      "Token": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "user_id": {"type": "integer"},
          "name": {"type": "string"},
          "created_at": {"type": "string", "description": "UTC timestamp, e.g. 2026-03-02T10:15:00Z"},
          "revoked_at": {"type": "string", "nullable": true}
        },
        "required": ["id", "user_id", "name", "created_at", "revoked_at"],
        "additionalProperties": false
      },
      "TokenList": {
        "type": "object",
        "properties": {"tokens": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}},
        "required": ["tokens"],
        "additionalProperties": false
      },
      "NewTokenRequest": {
        "type": "object",
        "properties": {
          "user_id": {"type": "integer", "minimum": 1, "maximum": 9007199254740991},
          "name": {"type": "string", "minLength": 1, "maxLength": 200}
        },
        "required": ["user_id", "name"],
        "additionalProperties": false
      },
      "CreatedToken": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "token": {"type": "string", "description": "sbk_...: shown this once."}
        },
        "required": ["id", "token"],
        "additionalProperties": false
      },
      "ImportRequest": {
        "type": "object",
        "properties": {
          "csv": {"type": "string", "minLength": 1, "description": "The whole CSV file: a header row and data rows, ';' or ',' (docs/import.md)."},
          "file_name": {"type": "string", "maxLength": 200, "description": "Recorded as the entries' actor import:<file_name> and the held reports' source (default api.csv)."},
          "dry_run": {"type": "boolean", "description": "Plan only: write nothing."}
        },
        "required": ["csv"],
        "additionalProperties": false
      },
      "ImportReport": {
        "type": "object",
        "properties": {
          "dry_run": {"type": "boolean"},
          "written": {"type": "boolean", "description": "The changes are in the database."},
          "data_rows": {"type": "integer"},
          "counts": {
            "type": "object",
            "properties": {
              "created": {"type": "integer"},
              "updated": {"type": "integer"},
              "unchanged": {"type": "integer"},
              "duplicate": {"type": "integer"},
              "held": {"type": "integer"},
              "applied_from_held": {"type": "integer"},
              "released_from_held": {"type": "integer"}
            },
            "additionalProperties": false
          },
          "lines": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "line": {"type": "integer", "description": "The file's line; 0 for a report held by an earlier import."},
                "personnel_number": {"type": "string"},
                "outcome": {"type": "string", "enum": ["created", "updated", "unchanged", "duplicate", "held", "applied_from_held", "released_from_held"]},
                "detail": {"type": "string"},
                "employee_id": {"type": "integer", "nullable": true},
                "case_id": {"type": "integer", "nullable": true}
              },
              "required": ["line", "personnel_number", "outcome", "detail", "employee_id", "case_id"],
              "additionalProperties": false
            }
          },
          "errors": {
            "type": "array",
            "description": "The first 100 line errors.",
            "items": {
              "type": "object",
              "properties": {
                "line": {"type": "integer", "description": "0: the file as a whole."},
                "column": {"type": "string", "description": "As the header writes it; empty for the row as a whole."},
                "code": {"type": "string"},
                "message": {"type": "string"}
              },
              "required": ["line", "column", "code", "message"],
              "additionalProperties": false
            }
          },
          "error_count": {"type": "integer"},
          "ignored_columns": {"type": "array", "items": {"type": "string"}},
          "still_held": {"type": "integer", "description": "Reports: held for the employer after this import."}
        },
        "required": ["dry_run", "written", "data_rows", "counts", "lines", "errors", "error_count", "ignored_columns", "still_held"],
        "additionalProperties": false
      },
      "ImportRefused": {
        "type": "object",
        "properties": {
          "error": {"$ref": "#/components/schemas/Error/properties/error"},
          "report": {"$ref": "#/components/schemas/ImportReport"}
        },
        "required": ["error"],
        "additionalProperties": false
      },
      "HeldReport": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "employee_id": {"type": "integer"},
          "personnel_number": {"type": "string"},
          "employee_name": {"type": "string"},
          "type": {"type": "string", "enum": ["recovery", "partial_work"]},
          "occurred_on": {"type": "string", "format": "date"},
          "payload": {"type": "object"},
          "source": {"type": "string", "description": "<file name>, line N"},
          "held_at": {"type": "string"},
          "held_by": {"type": "string"}
        },
        "required": ["id", "employee_id", "personnel_number", "employee_name", "type", "occurred_on", "payload", "source", "held_at", "held_by"],
        "additionalProperties": false
      },
      "HeldReportList": {
        "type": "object",
        "properties": {"held_reports": {"type": "array", "items": {"$ref": "#/components/schemas/HeldReport"}}},
        "required": ["held_reports"],
        "additionalProperties": false
      },
      "Revoked": {
        "type": "object",
        "properties": {"revoked": {"type": "boolean"}},
        "required": ["revoked"],
        "additionalProperties": false
      }
    },
)json"),
    std::string_view(R"json(    "requestBodies": {
      "Import": {
        "description": "The CSV file of an import (staff list or reports).",
        "required": true,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportRequest"}}}
      }
    },
    "responses": {
      "ImportDone": {
        "description": "Imported, planned (dry_run) or nothing to change.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}
      },
      "ImportRefused": {
        "description": "Line errors (invalid_lines, field csv; nothing was written, the report lists every error as line, column and message), or an invalid body.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportRefused"}}}
      },
      "400": {
        "description": "Malformed request: the body is not one JSON object (malformed_json), or the Content-Type is not application/json (bad_request, field Content-Type; 415 is not used).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "401": {
        "description": "Not logged in: no, an unknown, an expired or a revoked token (unauthenticated).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "403": {
        "description": "Forbidden: the caller's role may not do this (forbidden), a cookie-authenticated write without the session's X-CSRF-Token (field X-CSRF-Token), or an enrolment-only session (field totp).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "404": {
        "description": "Not found, or not reached by the caller (not_found): ids of other tenants reveal nothing.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "409": {
        "description": "Conflict with the current state (conflict).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "413": {
        "description": "The body is larger than 1 MiB (payload_too_large, field body).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "422": {
        "description": "Invalid input: missing_field, invalid_type, unknown_field, invalid_date, future_date, out_of_range, invalid, ...; `field` names the input.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "503": {
        "description": "The database cannot be opened, or a read could not be recorded (unavailable).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      }
    }
  }
}
)json"),
};

std::string join_parts() {
  std::string document;
  for (const auto part : kDocumentParts) document.append(part);
  return document;
}

}  // namespace

const std::string& openapi_document() {
  static const std::string document = join_parts();
  return document;
}

}  // namespace spoorboek::api
