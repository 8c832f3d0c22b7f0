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
IMPORT_ENDPOINTS = frozenset(
    {"openapi.start", "openapi.start_readme", "profiles.start_import", "gql.upload", "gql.save"}
)

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
    "reply": 5_000,
    "review_focus": 5_000,  # what a review request asks the reviewer to look at
    "review": 10_000,
    "follow_up": 5_000,
    "project_description": 5_000,
    "agreement": 10_000,  # a project's working agreement
}
MARKDOWN_LONGEST = max(MARKDOWN.values())
MARKDOWN_CACHED_FROM = 2_000  # shorter text renders faster than a cache round trip
MARKDOWN_DEPTH = 32  # nested quotes, lists, emphasis: deeper is shown as its source text
# Texts shorter than MARKDOWN_CACHED_FROM (and updates) whose HTML each process keeps: a few
# MB at most, and a feed's or hub's texts render once per process, not once per view.
RENDERED_KEPT = 1_024
# Board cards' HTML each process keeps (characters in all): every card of a few boards' views.
CARDS_KEPT = 4_000_000
# Updates' HTML (all but their viewer's actions) each process keeps: a few feed pages' worth.
UPDATES_KEPT = 2_000_000
# Learner cards' HTML (the directory's) each process keeps: every card of a large cohort.
LEARNER_CARDS_KEPT = 1_000_000
# Searches whose count of matching learners each process keeps (profiles/directory.py).
DIRECTORY_COUNTS_KEPT = 1_024
# Profiles' lists as visitors see them (profiles/list_display.py), in characters.
PROFILE_LISTS_KEPT = 2_000_000
# The contract page's request and responses sections each process keeps (characters in all):
# a few hundred contracts' (board/contract_parts.py).
CONTRACT_PARTS_KEPT = 4_000_000
# The board filter form's project and tag options, one copy per choice (board/page_cache.py).
FILTER_OPTIONS_KEPT = 2_000_000

README_BYTES = 200 * KIB
# README import: markup characters parsed inline (markdown-it-py's slow part), for one README.
README_INLINE_MARKUP = 10_000

# Updates render through markdown-it-py (for #tags and @mentions): past this much markup, as text.
UPDATE_MARKUP = 200

# Syntax highlighting (Pygments; bench/highlight.py times the worst known input for each
# language). JSON's lexer is a linear scanner: examples up to EXAMPLE_CHARS. The others are
# regular expressions that slow down on long hostile lines: a Markdown text gets this many
# characters of them highlighted in all, in lines of at most this many; the rest is plain text.
HIGHLIGHT_JSON_CHARS = EXAMPLE_CHARS
HIGHLIGHT_CODE_CHARS = 3_000
HIGHLIGHT_LINE_CHARS = 160
HIGHLIGHTS_KEPT = 2_000_000  # characters of highlighted HTML each process keeps

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
CONTRACT_ACTIVITY = 10  # a contract page's newest events; its activity page has them all
EVENTS_KEPT = 1_000_000  # characters of events' HTML each process keeps (activity/display.py)
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


# Collaboration: questions, code reviews, project teams, invite links.
THREAD_REPLIES = 200  # replies one update may have; each thread shows them all, oldest first
OPEN_QUESTIONS = 8  # on the hub
OPEN_QUESTION_DAYS = 7  # "open questions of the last days"
REVIEW_PAGE = 30  # review requests per column page
REVIEW_TAGS = 6  # tags on one review request
HUB_PARTNER_PROJECTS = 8  # projects looking for a partner, on the hub and the directory
PROJECT_MEMBERS = 200  # members listed on a project page
PROJECT_CONTRACTS = 200  # contracts listed on a project page (the board, filtered, lists all)
AGREEMENT_HISTORY = 30  # revisions of a working agreement shown
LINK_CHARS = 500  # a review request's link, a project's repository
INVITE_MAX_USES = 1_000
INVITE_MAX_DAYS = 180

# The mock: named examples per response, dispatch rules per contract, generated answers.
NAMED_EXAMPLES = 10  # per response, besides its default one
DISPATCH_RULES = 20  # per contract; each is one comparison per request
DYNAMIC_SEEDS = 32  # `Prefer: dynamic=true` without a seed answers one of this many variants
DYNAMIC_CACHED = 512  # generated answers kept per process (each a pure function of its seed)
DYNAMIC_SECONDS = 0.5  # generating one answer; past it the example is sent instead

# GraphQL projects: the schema, each operation (a contract's, or one the mock is sent), the mock.
GRAPHQL_SCHEMA_BYTES = 512 * KIB  # one uploaded schema, SDL or introspection JSON
GRAPHQL_SCHEMA_TOKENS = 100_000  # lexical tokens of one schema's SDL
GRAPHQL_SCHEMA_TYPES = 1_000  # named types in one schema
GRAPHQL_DOCUMENT_CHARS = 10_000  # one operation document
GRAPHQL_DOCUMENT_TOKENS = 2_000
GRAPHQL_DEPTH = 16  # selection sets inside each other (introspection needs 15), fragments included
GRAPHQL_FIELDS = 500  # fields one operation selects, each fragment counted where it is spread
GRAPHQL_LIST_ITEMS = 2  # items in each list the mock makes up
GRAPHQL_VALUES = 10_000  # values the mock makes up, or an example check visits, for one answer

# Moderation: why an admin hides or deletes an item is one line of HIDDEN_REASON_CHARS.
REPORT_NOTE_CHARS = 500  # a learner's note with a report
REPORTS_PAGE = 25  # reports per page of the admin queue
AUDIT_PAGE = 50  # rows per page of the audit log

# Rate limits (Flask-Limiter strings), by name; per client address unless a view keys them by
# person. The app's RATE_LIMITS starts from these (a test may make one tiny) and
# `ratelimits.rate(name)` reads it when a request is counted. The mock's is MOCK_RATE_LIMIT.
RATES = {
    "sign_in": "10 per minute",
    "sign_up": "10 per hour",  # invite links' sign-ups are exempt
    "fresh_sign_in": "10 per minute",
    "token": "20 per hour",
    "update": "30 per hour",  # per author
    "reply": "30 per minute",
    "comment": "30 per minute",
    "report": "10 per hour",  # per reporter
    "hide": "30 per minute",
    "contract": "60 per hour",  # a REST contract or a GraphQL operation posted from a form
    "dispatch_rule": "120 per hour",
    "api_post": "60 per hour",  # per token's owner
    "api_edit": "120 per hour",
    "readme_import": "30 per hour",
    "openapi_import": "30 per hour",
    "graphql_schema": "30 per hour",
    "review_request": "20 per hour",  # per requester
    "review_move": "60 per minute",
    "join": "20 per hour",
    "webhook": "30 per hour",
    "webhook_test": "10 per hour",
}
