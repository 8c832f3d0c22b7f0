"""Every limit on what one request may make a worker do, declared in one place.

Each algorithm that runs on user input is linear in its input or capped by a number here, and a
request past a limit gets a 4xx that names the limit, quickly. The modules that apply a limit
import it from here; `BODY_BYTES` is copied into the app's config so a deployment may change it.
"""

KIB, MIB = 1024, 1024 * 1024

# Request bodies, in bytes, by kind of route (see `body_kind`); checked before a view reads one.
BODY_BYTES = {
    "mock": 256 * KIB,  # a request to a contract's mock
    "api": 512 * KIB,  # a contract, as JSON
    "import": 2 * MIB,  # a 1 MB OpenAPI document or a 200 KB README, in a multipart form
    "form": 1 * MIB,  # any other form: 30,000 characters of Markdown, percent-encoded
}
IMPORT_ENDPOINTS = frozenset({"openapi.start", "openapi.start_readme", "profiles.start_import"})

# JSON in request bodies and stored examples: how deep, how many values.
JSON_DEPTH = 32
JSON_VALUES = 100_000
# An uploaded OpenAPI document nests deeper than an example (paths → … → schema → properties).
DOCUMENT_BYTES = 1 * MIB
DOCUMENT_DEPTH = 64
DOCUMENT_VALUES = 200_000
EXAMPLE_CHARS = 20_000  # one stored example, pretty-printed

# The mock checks a body against the contract only up to this many values: past it, 413.
MOCK_CHECKED_VALUES = 10_000
MOCK_ERRORS = 20  # validation stops at the first 20 problems

# Examples built from an imported document's schemas.
SAMPLE_VALUES = 2_000  # per example
SAMPLE_DOCUMENT_VALUES = 30_000  # for the whole document (~0.5 s)

# Markdown, in characters, per field: sized for what the field is for.
MARKDOWN = {
    "update": 1_000,
    "comment": 5_000,
    "contract_description": 10_000,
    "overview": 20_000,
    "project_focus": 5_000,
    "solution": 10_000,
    "takeaway": 5_000,
    "section_body": 30_000,  # an extra section may hold a whole project README
}
MARKDOWN_LONGEST = max(MARKDOWN.values())
MARKDOWN_CACHED_FROM = 2_000  # shorter text renders faster than a cache round trip
MARKDOWN_DEPTH = 32  # nested quotes, lists, emphasis: deeper is shown as its source text

README_BYTES = 200 * KIB
# README import: markup characters parsed inline (markdown-it-py's slow part), for one README.
README_INLINE_MARKUP = 10_000

# Updates render through markdown-it-py (for #tags and @mentions): past this much markup, as text.
UPDATE_MARKUP = 200

# Charts count moments in Python (weeks are not portable SQL): at most this many per chart.
CHART_MOMENTS = 100_000

# Syntax highlighting (Pygments; bench/highlight.py times the worst known input for each
# language). JSON's lexer is a linear scanner: examples up to EXAMPLE_CHARS. The others are
# regular expressions that slow down on long hostile lines: a Markdown text gets this many
# characters of them highlighted in all, in lines of at most this many; the rest is plain text.
HIGHLIGHT_JSON_CHARS = EXAMPLE_CHARS
HIGHLIGHT_CODE_CHARS = 3_000
HIGHLIGHT_LINE_CHARS = 160

# Contracts.
PATH_CHARS = 300  # a path template
HIDDEN_REASON_CHARS = 200  # why an item is hidden: one line, shown beside it

# Accounts.
DEVICES_PER_USER = 20  # signed in at once; signing in on one more signs out the least recent
USER_AGENT_CHARS = 300  # what a device row keeps of its User-Agent
DISABLE_REASON_CHARS = 500  # why an admin disabled an account: the learner sees it

# JSON Schemas a contract holds (typed in the form, sent to the API, or imported).
SCHEMA_CHARS = 50_000  # one schema (or a contract's parameters), pretty-printed
COMPONENTS_CHARS = 200_000  # a contract's named schemas together
SCHEMA_DEPTH = 32
SCHEMA_VALUES = 5_000  # in one schema; a contract's named schemas together: 4 times that
SCHEMA_PATTERN_CHARS = 1_000  # one `pattern`, matched by RE2 (linear time, no backtracking)
COMPONENT_COUNT = 100  # named schemas per contract
PARAMETER_COUNT = 30  # parameters per contract
# Checking one value against one schema: anyOf and oneOf over a recursive schema can multiply
# the work, so the check stops after this many keyword checks or this long, whichever comes
# first (a mock request then gets a 422 saying so). jsonschema takes 10-60 µs a keyword.
SCHEMA_CHECK_STEPS = 200_000
SCHEMA_CHECK_SECONDS = 0.5
SCHEMA_COMPARE_NODES = 5_000  # schema nodes the change classifier visits for one edit
SCHEMA_ROWS = 200  # fields the contract page lists for one schema

# README endpoint import: endpoints found in one README (the rest are counted, not read).
README_ENDPOINTS = 200

# Query strings.
CURSOR_CHARS = 200
NUMBER_DIGITS = 10  # no page size, index or id needs more


def body_kind(path: str, endpoint: str | None) -> str:
    """Which of `BODY_BYTES` applies to a request."""
    if path.startswith("/mock/"):
        return "mock"
    if path.startswith("/api/"):
        return "api"
    return "import" if endpoint in IMPORT_ENDPOINTS else "form"


# Activity, inbox and webhooks.
ACTIVITY_PAGE = 30  # events per page of /activity and its Atom feed
INBOX_PAGE = 30  # notifications per page of /inbox
INBOX_BREAKING = 20  # unread breaking changes listed above the rest
CONTRACT_ACTIVITY = 50  # events shown in a contract's history
EXCERPT_CHARS = 200  # of a comment or update, kept with its event
WEBHOOK_NAME_CHARS = 60
WEBHOOK_URL_CHARS = 500
WEBHOOKS_PER_OWNER = 10  # cohort webhooks, or one project's
MESSAGE_CHARS = 1_500  # a message's text (Discord takes 2,000)

# Delivering webhooks (copied into the app's config as WEBHOOK_DELIVERY; tests shorten them).
WEBHOOK_DELIVERY = {
    "attempts": 8,  # tries before a delivery is marked failed
    "backoff": 30.0,  # seconds before the second try; doubled each time, with jitter
    "backoff_cap": 3600.0,  # no wait is longer, whatever Retry-After asks
    "timeout": 10.0,  # seconds for one POST
    "lease": 60.0,  # a claimed delivery another worker may take over after this
    "sweep": 500,  # deliveries one sweep hands to the queue
}

# Moderation: why an admin hides or deletes an item is one line of HIDDEN_REASON_CHARS.
REPORT_NOTE_CHARS = 500  # a learner's note with a report
REPORTS_PAGE = 25  # reports per page of the admin queue
AUDIT_PAGE = 50  # rows per page of the audit log
REPORT_RATE = "10 per hour"  # reports one learner may make (Flask-Limiter)
