"""Every known way to pin a worker, against a live gunicorn (2 sync workers, gunicorn.conf.py).

Each vector and its variants must get its answer (a 4xx, or the page it asked for) within 2 s,
no worker may be replaced or grow by 50 MB, and /healthz keeps answering all the while.
"""

import base64
import json
import re
import threading
import time
from pathlib import Path

import httpx
import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from nexus_board import create_app
from nexus_board.auth import services as accounts
from nexus_board.auth.tokens import create_token
from nexus_board.board import services as board
from nexus_board.extensions import db
from nexus_board.limits import MARKDOWN
from nexus_board.models import Contract
from nexus_board.profiles import services as profiles
from nexus_board.updates import services as updates

from .board.factories import draft
from .conftest import PASSWORD, config_for
from .services import gunicorn

pytestmark = pytest.mark.services

# Each defect held a worker 16 s to 31 s (the worker timeout is 30 s); a bounded answer takes well
# under a second, so 5 s tells them apart on a busy machine too.
SECONDS = 5
# Rendering a page at a limit raises a worker's high-water mark by tens of MB, which the allocator
# keeps; the defects these vectors reproduce left 870 MB behind and peaked at 2 GB.
RETAINED_MB = 150
PEAK_MB = 300
MOCK = "/mock/e-commerce-api"
FIXABLE = 7  # the contract `_seed` saves broken, which its author may hide


def cursor(value) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def openapi(schemas: dict, ref: str = "#/components/schemas/N", extra: str = "") -> bytes:
    content = {"application/json": {"schema": {"$ref": ref}}}
    operation = {"responses": {"200": {"description": "ok", "content": content}}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Hostile", "version": "1"},
        "paths": {"/n": {"get": operation}},
        "components": {"schemas": schemas},
    }
    return json.dumps(document).replace('"paths"', extra + '"paths"', 1).encode()


SELF = {
    "N": {"type": "object", "properties": {k: {"$ref": "#/components/schemas/N"} for k in "abcde"}}
}
WIDE = {
    f"S{i}": {
        "type": "object",
        "properties": {k: {"$ref": f"#/components/schemas/S{i + 1}"} for k in "abcdef"},
    }
    for i in range(12)
} | {"S12": {"type": "string"}}
PATHOLOGICAL = ["![", "[", "*a", "`a``", "<", "&#", ">", "[a]("]


def worst(pattern: str, size: int) -> str:
    return (pattern * (size // len(pattern) + 1))[:size]


# (name, method, path, request options, statuses that are a right answer)
ANONYMOUS = [
    (
        "mock 2 MB array",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"content": b"[" + b"1," * 10**6 + b"1]"},
        {413},
    ),
    (
        "mock 400,000 items",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"content": b"[" + b"0," * 120_000 + b"0]"},
        {413},
    ),
    (
        "mock 9,000 wrong items",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"json": {"items": ["x"] * 9000}},
        {422},
    ),
    (
        "mock 2,000 deep",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"content": b"[" * 2000 + b"]" * 2000},
        {400},
    ),
    (
        "mock lone surrogate",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"content": b'{"s": "\\ud800"}'},
        {400},
    ),
    (
        "mock NUL in body",
        "POST",
        f"{MOCK}/api/v1/orders",
        {"content": b'{"s": "\\u0000"}'},
        {400},
    ),
    (
        "mock catastrophic pattern",
        "POST",
        f"{MOCK}/api/v1/patterned",
        {"json": {"sku": "a" * 200_000 + "!"}},
        {422},
    ),
    (
        "mock anyOf over a recursive schema",
        "POST",
        f"{MOCK}/api/v1/recursive",
        {"content": ('{"a":' * 31 + "{}" + "}" * 31).encode()},
        {422},
    ),
    ("mock adjacent parameters", "GET", f"{MOCK}/" + "a" * 36, {}, {404}),
    ("mock parameters with dashes", "GET", f"{MOCK}/" + "-" * 36, {}, {404}),
    ("mock long segments", "GET", f"{MOCK}/" + "/".join(["a-b"] * 300), {}, {404}),
    ("mock OPTIONS", "OPTIONS", f"{MOCK}/" + "-" * 36, {}, {204}),
    ("api limit ²", "GET", "/api/v1/contracts?limit=²", {}, {400}),
    ("api learners limit ٣", "GET", "/api/v1/learners?limit=٣", {}, {400}),
    ("api updates limit 1_0", "GET", "/api/v1/updates?limit=1_0", {}, {400}),
    ("api cursor [ x2500", "GET", "/api/v1/contracts?cursor=" + cursor("[" * 2500), {}, {400}),
    ("api cursor [true]", "GET", "/api/v1/contracts?cursor=" + cursor("[true]"), {}, {400}),
    ("api learners cursor [[1]]", "GET", "/api/v1/learners?cursor=" + cursor("[[1]]"), {}, {400}),
    ("api cursor 1e400", "GET", "/api/v1/contracts?cursor=" + cursor("[1e400]"), {}, {400}),
    (
        "updates time cursor +23:59",
        "GET",
        "/updates?before=" + cursor('["0001-01-01T00:00:00+23:59", 1]'),
        {},
        {400},
    ),
    (
        "api updates cursor -23:59",
        "GET",
        "/api/v1/updates?cursor=" + cursor('["9999-12-31T23:59:59-23:59", 1]'),
        {},
        {400},
    ),
    (
        "board column cursor",
        "GET",
        "/board/columns/open?cursor=" + cursor('["0001-01-01T00:00:00+23:59", 1]'),
        {},
        {400},
    ),
    ("learners page ²", "GET", "/learners?page=²", {}, {200}),
    ("NUL in a query", "GET", "/board?q=a%00b", {}, {400}),
    ("broken UTF-8 in a query", "GET", "/learners?q=%ED%A0%80", {}, {200}),
    ("profile with the worst Markdown", "GET", "/u/ada", {}, {200}),
    ("contract with the worst Markdown", "GET", "/contracts/1", {}, {200}),
    ("feed with the worst Markdown", "GET", "/updates", {}, {200}),
    ("README export", "GET", "/u/ada/README.md", {}, {200}),
    ("OpenAPI export", "GET", "/projects/e-commerce-api/openapi.json", {}, {200}),
    ("Swagger UI page", "GET", "/projects/e-commerce-api/api", {}, {200}),
]


def _api(token):
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    return [
        (
            "api 2,000 deep body",
            "POST",
            "/api/v1/contracts",
            {"content": b"[" * 2000 + b"]" * 2000, "headers": auth},
            {400},
        ),
        (
            "api lone surrogate",
            "POST",
            "/api/v1/contracts",
            {"content": b'{"summary": "s\\ud800"}', "headers": auth},
            {400},
        ),
        (
            "api deep example (refused with its body)",
            "POST",
            "/api/v1/contracts",
            {
                "content": json.dumps(
                    {
                        "project": "E-commerce API",
                        "method": "POST",
                        "path": "/deep",
                        "summary": "d",
                        "request_example": json.loads("[" * 100 + "]" * 100),
                        "responses": [{"status_code": 201}],
                    }
                ).encode(),
                "headers": auth,
            },
            {400},
        ),
        (
            "api adjacent parameters",
            "POST",
            "/api/v1/contracts",
            {
                "content": json.dumps(
                    {
                        "project": "E-commerce API",
                        "method": "GET",
                        "path": "/{a}{b}",
                        "summary": "d",
                        "responses": [{"status_code": 200}],
                    }
                ).encode(),
                "headers": auth,
            },
            {422},
        ),
        (
            "api 1 MB body",
            "POST",
            "/api/v1/contracts",
            {"content": b" " * 600_000 + b"{}", "headers": auth},
            {413},
        ),
    ]


def _signed_in(csrf):
    deep = "[" * 600 + "]" * 600
    contract = {
        "csrf_token": csrf,
        "project": "E-commerce API",
        "method": "POST",
        "path": "/api/v1/x",
        "summary": "X",
        "request_example": "{}",
        "responses-0-status_code": "201",
    }
    upload = {"csrf_token": csrf, "project": "E-commerce API"}
    return [
        (
            "form remove_response=²",
            "POST",
            "/contracts/new",
            {"data": contract | {"remove_response": "²"}},
            {200},
        ),
        (
            "form deep request example",
            "POST",
            "/contracts/new",
            {"data": contract | {"request_example": deep}},
            {422},
        ),
        (
            "form deep response example",
            "POST",
            "/contracts/new",
            {"data": contract | {"responses-0-example": deep}},
            {422},
        ),
        (
            "form adjacent parameters",
            "POST",
            "/contracts/new",
            {"data": contract | {"path": "/{a}{b}{c}x"}},
            {422},
        ),
        (
            "form lone surrogate as UTF-8",
            "POST",
            "/contracts/new",
            {
                "data": contract
                | {"summary": "\udcff".encode("utf-8", "surrogateescape").decode("latin-1")}
            },
            {303, 422},
        ),
        (
            "import self-referencing schema",
            "POST",
            "/projects/import",
            {
                "data": upload,
                "files": {"document": ("a.json", openapi(SELF))},
                "follow_redirects": True,
            },
            {200},
        ),
        (
            "import wide schemas",
            "POST",
            "/projects/import",
            {
                "data": upload,
                "files": {"document": ("a.json", openapi(WIDE, "#/components/schemas/S0"))},
                "follow_redirects": True,
            },
            {200},
        ),
        (
            "import 600-deep list",
            "POST",
            "/projects/import",
            {
                "data": upload,
                "files": {"document": ("a.json", openapi(SELF, extra='"x-deep": ' + deep + ", "))},
            },
            {422},
        ),
        (
            "import NUL inside",
            "POST",
            "/projects/import",
            {
                "data": upload,
                "files": {
                    "document": (
                        "a.yaml",
                        b'openapi: 3.1.0\ninfo: {title: "a\\0", version: "1"}\npaths: {}\n',
                    )
                },
            },
            {422},
        ),
        (
            "import 3 MB",
            "POST",
            "/projects/import",
            {"data": upload, "files": {"document": ("a.json", b" " * 3 * 2**20)}},
            {413},
        ),
        (
            "README endpoints of pipes",
            "POST",
            "/projects/import/readme",
            {
                "data": {
                    "csrf_token": csrf,
                    "readme-project": "Shop",
                    "readme-text": "| Method | Endpoint |\n" + "| GET | /a |\n" * 15_000,
                }
            },
            {303},
        ),
        (
            "form schema with a catastrophic pattern",
            "POST",
            "/contracts/new",
            {"data": contract | {"request_schema": '{"pattern": "(a|a?)+(?=b)"}'}},
            {422},
        ),
        (
            "README of ![",
            "POST",
            "/u/ada/import",
            {
                "data": {"csrf_token": csrf, "text": "# Me\n\n" + "![" * 90_000},
                "follow_redirects": True,
            },
            {200},
        ),
        (
            "overview of ![ at the limit",
            "POST",
            "/u/ada/about",
            {
                "data": {"csrf_token": csrf, "about-overview": worst("![", MARKDOWN["overview"])},
                "headers": {"HX-Request": "true"},
            },
            {200},
        ),
        (
            "section of *a at the limit",
            "POST",
            "/u/ada/sections",
            {
                "data": {
                    "csrf_token": csrf,
                    "new-sections-title": "Worst",
                    "new-sections-body": worst("*a", MARKDOWN["section_body"]),
                },
                "headers": {"HX-Request": "true"},
            },
            {200},
        ),
        (
            "update of ![ at the limit",
            "POST",
            "/updates",
            {"data": {"csrf_token": csrf, "body": worst("![", MARKDOWN["update"])}},
            {303},
        ),
        (
            "comment of [ at the limit",
            "POST",
            "/contracts/1/comments",
            {"data": {"csrf_token": csrf, "body": worst("[", MARKDOWN["comment"])}},
            {303},
        ),
        (
            "hide reason of 900 KB",
            "POST",
            f"/contracts/{FIXABLE}/hide",
            {"data": {"csrf_token": csrf, "reason": "x" * 900_000}},
            {422},
        ),
        (
            "hide reason of invisible marks",
            "POST",
            f"/contracts/{FIXABLE}/hide",
            {
                "data": {"csrf_token": csrf, "reason": "\u200b" * 200},
                "headers": {"HX-Request": "true"},
            },
            {422},
        ),
        (
            "webhook name of 100,000 characters",
            "POST",
            "/projects/e-commerce-api/webhooks",
            {
                "data": {
                    "csrf_token": csrf,
                    "name": "x" * 100_000,
                    "format": "discord",
                    "url": "https://discord.com/api/webhooks/1/t",
                    "kinds": "contract.claimed",
                }
            },
            {422},
        ),
        (
            "webhook URL of 100,000 characters",
            "POST",
            "/settings/notifications",
            {
                "data": {
                    "csrf_token": csrf,
                    "url": "https://discord.com/" + "a" * 100_000,
                    "format": "discord",
                    "hook": "mention",
                }
            },
            {422},
        ),
        ("activity with a made-up filter", "GET", "/activity?kind=" + "x" * 2000, {}, {400}),
        ("profile page after", "GET", "/u/ada", {}, {200}),
    ]


def _seed(app) -> str:
    """ada (backend, an API token) with every Markdown field at its limit, and E-commerce API."""
    with app.app_context():
        upgrade()
        ada = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        )
        description = worst("![", MARKDOWN["contract_description"])
        first = board.create_contract(draft(description=description), ada)
        board.create_contract(
            draft(method="POST", path="/api/v1/orders", request_example='{"items": [1]}'), ada
        )
        for n in range(2):
            board.create_contract(draft(path=f"/api/v1/old{n}/{{a}}"), ada)
        patterned = '{"type": "object", "properties": {"sku": {"pattern": "^(a+)+$"}}}'
        board.create_contract(
            draft(method="POST", path="/api/v1/patterned", request_example='{"sku": "aa"}',
                  request_schema=patterned), ada,
        )  # fmt: skip
        option = {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/N"}}}
        node = {"anyOf": [option | {"required": ["x"]}, option]}
        board.create_contract(
            draft(method="POST", path="/api/v1/recursive", request_example="{}",
                  request_schema='{"$ref": "#/components/schemas/N"}',
                  components=json.dumps({"N": node})), ada,
        )  # fmt: skip
        fixable = board.create_contract(draft(path="/api/v1/fixable"), ada)  # hideable by ada
        db.session.flush()
        fixable.responses[0].example = "[" * 40 + "]" * 40  # saved before depth was limited
        # Saved before adjacent parameters were refused: mock routing must still be linear.
        db.session.execute(
            text(
                "UPDATE contracts SET path = '/{a}{b}{c}{d}{e}{f}x' WHERE path LIKE '/api/v1/old0/%'"
            )
        )
        db.session.execute(
            text(
                "UPDATE contracts SET path = '/{a}-{b}-{c}-{d}-{e}-{f}x' WHERE path LIKE '/api/v1/old1/%'"
            )
        )
        board.add_comment(first, ada, worst("*a", MARKDOWN["comment"]))
        updates.post_update(ada, worst("![", MARKDOWN["update"]))
        profiles.update_details(
            ada,
            overview=worst("*a", MARKDOWN["overview"]),
            project_focus=worst("<", MARKDOWN["project_focus"]),
        )
        profiles.add_challenge(ada, title="Worst", solution=worst("![", MARKDOWN["solution"]))
        profiles.add_takeaway(ada, text=worst("&#", MARKDOWN["takeaway"]))
        for pattern in PATHOLOGICAL:
            profiles.add_section(
                ada, title=f"Worst {pattern}", body=worst(pattern, MARKDOWN["section_body"])
            )
        _, token = create_token(ada, "hostile")
        db.session.commit()
        assert db.session.get(Contract, first.id).id == 1 and fixable.id == FIXABLE
        db.engine.dispose()
        return token


def _workers(pidfile: Path, field: str = "VmRSS") -> dict[int, int]:
    """Each worker's pid and its memory in kB: resident now, or its peak with `VmHWM`."""
    master = int(pidfile.read_text())
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    found = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        found[pid] = int(re.search(rf"{field}:\s+(\d+)", status).group(1))
    return found


class Heartbeat(threading.Thread):
    """Polls /healthz every 0.2 s; remembers the slowest answer and any failure."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.slowest, self.failures = url, 0.0, []
        self.stopped = threading.Event()

    def run(self):
        with httpx.Client(timeout=SECONDS) as client:
            while not self.stopped.wait(0.2):
                start = time.monotonic()
                try:
                    status = client.get(f"{self.url}/healthz").status_code
                except httpx.HTTPError as error:
                    self.failures.append(repr(error))
                    continue
                self.slowest = max(self.slowest, time.monotonic() - start)
                if status != 200:
                    self.failures.append(status)


def _sign_in(client: httpx.Client) -> str:
    page = client.get("/sign-in").text
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/sign-in", data={"login": "ada", "password": PASSWORD, "csrf_token": csrf})
    return csrf


def test_no_input_pins_a_worker(tmp_path):
    database = f"sqlite:///{tmp_path / 'nexus.sqlite3'}"
    token = _seed(create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": database}))
    env = {
        "NEXUS_ENV": "testing",
        "SECRET_KEY": "hostile-secret",
        "DATABASE_URL": database,
        "CACHE_URL": f"filesystem://{tmp_path / 'cache'}",
        "RATELIMIT_STORAGE_URL": f"nexus+sqlite://{tmp_path / 'ratelimits.sqlite3'}",
        "MOCK_RATE_LIMIT": "100000 per minute",
    }
    pidfile = tmp_path / "gunicorn.pid"
    with gunicorn(env, workers=2, pidfile=pidfile) as url:
        with httpx.Client(base_url=url, timeout=SECONDS) as warm:
            for path in (
                "/",
                "/learners",
                "/board",
                f"{MOCK}/api/v1/products/1",
                "/api/v1/contracts",
            ):
                warm.get(path)  # imports and first-use caches are not growth
        before = _workers(pidfile)
        heartbeat = Heartbeat(url)
        heartbeat.start()
        answers = {}
        with httpx.Client(base_url=url, timeout=SECONDS, follow_redirects=False) as client:
            vectors = ANONYMOUS + _api(token)
            for name, method, path, options, _ in vectors:
                answers[name] = _timed(client, method, path, options)
            csrf = _sign_in(client)
            signed_in = _signed_in(csrf)
            for name, method, path, options, _ in signed_in:
                answers[name] = _timed(client, method, path, options)
        heartbeat.stopped.set()
        heartbeat.join()
        after = _workers(pidfile)
        peak = _workers(pidfile, "VmHWM")
    wrong = {
        name: answers[name]
        for name, *_, expected in [*vectors, *signed_in]
        if answers[name][0] not in expected or answers[name][1] >= SECONDS
    }
    assert not wrong, wrong  # name: (status, seconds)
    assert not heartbeat.failures and heartbeat.slowest < SECONDS
    assert set(after) == set(before), "a worker was killed or replaced"
    retained = {pid: (after[pid] - before[pid]) // 1024 for pid in before}
    assert all(mb < RETAINED_MB for mb in retained.values()), retained
    peaked = {pid: (peak[pid] - before[pid]) // 1024 for pid in before}
    assert all(mb < PEAK_MB for mb in peaked.values()), peaked


def _timed(client: httpx.Client, method: str, path: str, options: dict) -> tuple[int, float]:
    start = time.monotonic()
    response = client.request(method, path, **options)
    return response.status_code, round(time.monotonic() - start, 2)
