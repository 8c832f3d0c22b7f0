"""Hostile input anywhere gets a clear 4xx, never a 500 and never a broken page for others."""

import base64
import json

import feedparser
import pytest

from nexus_board.auth import services as accounts
from nexus_board.auth.tokens import create_token
from nexus_board.extensions import db

from .conftest import PASSWORD

HUGE = "9" * 25


@pytest.mark.parametrize(
    "path",
    [
        f"/contracts/{HUGE}",
        f"/updates/{HUGE}",
        f"/u/ada/challenges/{HUGE}",
        "/updates?before=WyIyMDIwLTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgMTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMF0",
        "/updates?before=WyIyMDIwLTAxLTAxVDAwOjAwOjAwIiw1XQ",
    ],
)
def test_out_of_range_or_broken_ids_are_4xx(client, make_user, path):
    make_user("ada")
    assert client.get(path).status_code in (400, 404)


@pytest.mark.parametrize(
    "path", [f"/contracts/{HUGE}/claim", f"/updates/{HUGE}/delete", f"/updates/{HUGE}/pin"]
)
def test_out_of_range_ids_in_writes_are_404(signed_in, path):
    assert signed_in.post(path).status_code == 404


@pytest.mark.parametrize(
    "path", ["/board?q=a%00b", "/learners?q=a%00b", "/updates?learner=a%00b", "/u/a%00b"]
)
def test_nul_characters_are_refused_with_a_reason(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)


def test_nul_in_a_form_is_refused(client, make_user):
    make_user("ada")
    response = client.post("/sign-in", data={"login": "a\x00b", "password": PASSWORD})
    assert response.status_code == 400


def test_control_characters_never_break_the_atom_feed(signed_in):
    assert signed_in.post("/updates", data={"body": "x \x0b y \x1b z"}).status_code in (200, 303)
    response = signed_in.get("/updates.atom")
    assert response.status_code == 200
    assert not feedparser.parse(response.get_data()).bozo  # well-formed XML
    assert "x  y  z" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["Ada\nOkafor", "Ada\x0bOkafor", "\u200b", "   "])
def test_display_names_are_one_visible_line(signed_in, name):
    response = signed_in.post(
        "/settings", data={"display_name": name, "email": "", "track": "backend"}
    )
    assert response.status_code == 422


def test_a_superscript_digit_as_contract_id_is_refused_in_place(signed_in):
    response = signed_in.post("/updates", data={"body": "hi", "contract": "²"})
    assert response.status_code == 422


def test_out_of_range_database_values_are_a_400(app, client):
    @app.get("/test/overflow")
    def overflow():
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    response = client.get("/test/overflow")
    assert response.status_code == 400
    assert "out of range" in response.get_data(as_text=True)


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "path",
    [
        *(f"/api/v1/{name}?limit={digit}" for name in ("contracts", "learners", "updates")
          for digit in ("²", "٣", "1_0", "-1", "0", "101", "9" * 30)),
        "/api/v1/contracts?cursor=" + _b64("[" * 2500),
        "/api/v1/contracts?cursor=" + _b64("[true]"),
        "/api/v1/learners?cursor=" + _b64('[["ada"]]'),
        "/api/v1/updates?cursor=" + _b64('["0001-01-01T00:00:00+23:59", 1]'),
        "/updates?before=" + _b64('["9999-12-31T23:59:59-23:59", 1]'),
        "/updates/news?after=" + _b64('["0001-01-01T00:00:00+23:59", 1]'),
        "/board/columns/open?cursor=" + _b64('["2026-01-01T00:00:00+00:00", true]'),
        "/api/v1/contracts?cursor=" + "A" * 5000,
    ],
)  # fmt: skip
def test_odd_digits_and_made_up_cursors_are_a_400(client, path):
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("value", ["²", "-1", "99999999999", "x", ""])
def test_an_odd_row_number_to_remove_keeps_the_form(signed_in, value):
    form = {"project": "E-commerce API", "method": "GET", "path": "/a", "summary": "A",
            "responses-0-status_code": "200", "remove_response": value}  # fmt: skip
    response = signed_in.post("/contracts/new", data=form)
    assert response.status_code == 200 and 'value="/a"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[" * 2000 + b"]" * 2000, "nested more than 32 levels deep"),
        (b'{"summary": "s\\ud800"}', "lone UTF-16 surrogate"),
        (b'{"summary": "s\\u0000"}', "NUL character"),
    ],
)
def test_deep_or_unstorable_json_in_the_api_is_a_400_with_the_reason(app, client, body, reason):
    with app.app_context():
        owner = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        )
        _, secret = create_token(owner, "script", scope="write")
        db.session.commit()
    response = client.post(
        "/api/v1/contracts", data=body, content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )  # fmt: skip
    assert response.status_code == 400
    assert reason in response.json["message"]


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("a\x00b", {400}),  # NUL: refused before the view
        ("\u200b\u200d", {422}),  # nothing visible
        ("x" * 100_000, {422}),
        ("<script>alert(1)</script>", {303}),  # kept as text, shown escaped
        ("\u202egnp.exe", {303}),
        ("@everyone *bold* <!channel>", {303}),  # Discord and Slack get it escaped
        ("s\udcff".encode("utf-8", "surrogateescape").decode("latin-1"), {303, 422}),
    ],
)
def test_hostile_webhook_names_are_a_clear_answer_and_shown_as_text(
    client_as, cast, name, statuses
):
    mentor = client_as("mentor")
    data = {"name": name, "url": "https://discord.com/api/webhooks/1/t", "format": "discord",
            "kinds": "contract.claimed"}  # fmt: skip
    response = mentor.post("/admin/webhooks", data=data)
    assert response.status_code in statuses
    page = mentor.get("/admin/webhooks").get_data(as_text=True)
    assert "<script>alert" not in page and page.count("<tr>") <= 2


@pytest.mark.parametrize(
    "url",
    ["https://discord.com/" + "a" * 100_000, "https://discord.com/\u202e", "javascript:alert(1)",
     "https://[fe80::1%25eth0]/x", "https://discord.com:0/x", "//discord.com/x", "\ufeffhttps://x"],
)  # fmt: skip
def test_hostile_webhook_urls_are_refused_next_to_the_field(client_as, cast, url):
    data = {"url": url, "format": "discord", "hook": "mention", "in_app": "mention"}
    response = client_as("ada").post("/settings/notifications", data=data)
    assert response.status_code in (303, 422)
    if response.status_code == 422:
        assert 'id="url-error"' in response.get_data(as_text=True)


def test_a_body_past_its_route_limit_is_a_413_before_it_is_read(app, client):
    app.config["BODY_LIMITS"] = {**app.config["BODY_LIMITS"], "mock": 100}
    response = client.post("/mock/nothing/x", data=b"[" + b"1," * 100 + b"1]")
    assert response.status_code == 413


MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a hx-get="/sign-out" hx-trigger="load">x</a>',
    "{{ 7*7 }} {% raw %}",
    "\u202eevil\u202c",
]


@pytest.mark.parametrize("payload", MARKUP)
def test_a_disable_reason_shows_escaped_to_the_learner_and_the_admin(app, cast, client_as, payload):
    mentor = client_as("mentor")
    assert mentor.post("/admin/accounts/ada/disable", data={"reason": payload}).status_code == 303
    for page in (
        mentor.get("/admin/accounts/ada").get_data(as_text=True),
        app.test_client()
        .post("/sign-in", data={"login": "ada", "password": PASSWORD})
        .get_data(as_text=True),
    ):
        assert payload not in page or "<" not in payload  # shown as text, escaped
        assert "<script>alert" not in page and "<img src=x" not in page
        assert '<a hx-get="/sign-out"' not in page and "\u202e" not in page


def test_a_long_disable_reason_is_refused_in_place(app, cast, client_as):
    response = client_as("mentor").post("/admin/accounts/ada/disable", data={"reason": "x" * 501})
    assert response.status_code == 422 and "up to 500 characters" in response.get_data(as_text=True)


@pytest.mark.parametrize("agent", [*MARKUP, "x" * 10_000])
def test_a_hostile_user_agent_shows_escaped_and_capped_in_the_device_list(app, make_user, agent):
    make_user("ada")
    client = app.test_client()
    client.post(
        "/sign-in", data={"login": "ada", "password": PASSWORD}, headers={"User-Agent": agent}
    )
    page = client.get("/settings").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert '<a hx-get="/sign-out"' not in page and "x" * 301 not in page


def rules(changed: dict, times: int = 1) -> str:
    """Mock dispatch rules as the form takes them: one valid rule with `changed` keys."""
    rule = {"in": "query", "name": "a", "equals": "1", "status": 201} | changed
    return json.dumps([rule] * times)


SCHEMA_FORM = {"project": "E-commerce API", "method": "POST", "path": "/api/v1/x", "summary": "X",
               "request_example": '{"sku": "aaa"}', "responses-0-status_code": "201"}  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("request_schema", "[" * 600 + "]" * 600, "nested more than 32 levels deep"),
        ("request_schema", "description: " + "x" * 60_000, "under 50,000"),
        ("request_schema", '{"$ref": "http://169.254.169.254/latest/meta-data"}', "points outside"),
        ("request_schema", '{"properties": {"sku": {"pattern": "(a|a?)+(?=b)"}}}', "linear time"),
        ("request_schema", "a: &a [*a, *a]\n", "YAML aliases"),
        ("request_schema", '{"type": "string\\u0000"}', "NUL character"),
        ("parameters", "[" + '{"name": "p", "in": "query"},' * 40 + "{}]", "at most 30 parameters"),
        ("components", '{"N": {"$ref": "#/components/schemas/N"}}', None),
        ("deprecation_note", "x" * 600, "under 500 characters"),
        ("sunset", "9" * 40, "Mark the contract deprecated"),
        ("responses-0-schema", "{" * 40, "Not valid JSON"),
        ("responses-0-examples", "[" * 600 + "]" * 600, "nested more than 32 levels deep"),
        ("responses-0-examples", '{"<script>": 1}', "Name examples with letters"),
        ("responses-0-examples", '{"default": 1}', "Name examples with letters"),
        ("responses-0-examples", json.dumps({f"e{i}": i for i in range(11)}), "at most 10"),
        ("responses-0-examples", json.dumps({"big": "x" * 30_000}), "under 20,000"),
        ("dispatch", rules({"in": "cookie"}), "in path, query or body"),
        ("dispatch", rules({"equals": "x" * 300}), "up to 200 characters"),
        ("dispatch", rules({}, times=21), "at most 20 rules"),
        ("dispatch", rules({"equals": {"x": 1}}), "give the value"),
        ("dispatch", rules({"status": 500}), "lists no 500 response"),
        ("dispatch", "[" * 600 + "]" * 600, "nested more than 32 levels deep"),
    ],
)  # fmt: skip
def test_hostile_schemas_and_deprecation_are_refused_next_to_the_field(
    signed_in, field, value, reason
):
    response = signed_in.post("/contracts/new", data=SCHEMA_FORM | {field: value})
    html = response.get_data(as_text=True)
    if reason is None:  # a schema that refers to itself is a schema: stored, compared once
        assert response.status_code in (303, 422)
        return
    assert response.status_code == 422
    error = html.split(f'id="{field}-error"', 1)[1].split("</", 1)[0]
    assert reason in error


def test_a_catastrophic_pattern_in_a_schema_costs_the_mock_linear_time(signed_in, client):
    form = SCHEMA_FORM | {
        "request_schema": '{"type": "object", "properties": {"sku": {"type": "string", '
        '"pattern": "^(a+)+$"}}}',
    }
    assert signed_in.post("/contracts/new", data=form).status_code == 303
    response = client.post("/mock/e-commerce-api/api/v1/x", json={"sku": "a" * 100_000 + "!"})
    assert response.status_code == 422  # RE2: no backtracking, so no 2^100000 steps
    assert "does not match" in response.json["validation"][0]["message"]
    assert len(response.json["validation"][0]["message"]) <= 200


def test_a_readme_of_pipes_and_a_huge_paste_are_read_in_one_pass(signed_in):
    response = signed_in.post(
        "/projects/import/readme",
        data={"readme-project": "Shop", "readme-text": "| Method | Endpoint |\n" + "|" * 150_000},
    )
    assert response.status_code == 422
    assert "No endpoints found" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("reason", "status"),
    [
        ("a\x00b", 400),  # refused at the door
        ("x" * 900_000, 422),  # under the form body limit, far past the reason's
        ("line\r\nbreak", 422),
        ("\x1b[31mred", 422),
        ("\u200b\u2060\ufeff", 422),
        ("\udcff".encode("utf-8", "surrogateescape").decode("latin-1"), 303),  # shown as typed
        ("<img src=x onerror=alert(1)>", 303),
        ("\u202e" * 200, 422),  # nothing visible
        ("\u202e" + "evil" * 49, 303),  # isolated in <bdi> where it shows
    ],
)
def test_hostile_hiding_reasons_are_refused_or_shown_as_text(app, cast, client_as, reason, status):
    from .board.factories import broken

    with app.app_context():
        contract_id = broken(cast["ada"])
    ada = client_as("ada")
    response = ada.post(f"/contracts/{contract_id}/hide", data={"reason": reason})
    assert response.status_code == status
    page = ada.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "<img src=x" not in page
    assert ("Hidden by Ada Okafor" in page) == (status == 303)


# Every text field of questions, reviews, teams and invites: (who, where, the form, the field,
# the page that shows it). The field's value is the hostile one; the rest of the form is valid.
def _question(app, cast):
    from nexus_board.updates.services import post_update

    with app.app_context():
        update = post_update(db.session.get(accounts.User, cast["hana"]), "Q?", question=True)
        db.session.commit()
        return f"/updates/{update.id}/replies", f"/updates/{update.id}"


def _review(app, cast, state="open"):
    from .reviews.factories import ask

    with app.app_context():
        return ask(cast["ada"], state=state, reviewer_id=cast["brian"])


def _project(app, cast):
    from .board.factories import post

    with app.app_context():
        post(cast["ada"])
    return "/projects/e-commerce-api"


def _on_review(state: str, action: str):
    def where(app, cast):
        page = f"/reviews/{_review(app, cast, state)}"
        return f"{page}/{action}", page

    return where


def _on_project(action: str):
    def where(app, cast):
        page = _project(app, cast)
        return f"{page}/{action}", page

    return where


def _new_review(app, cast):
    return "/reviews/new", "/reviews"


REVIEW = {"title": "T", "link": "https://github.com/a/b/pull/1", "focus": "F", "tags": "go"}
TEAM = {"description": "", "repository_url": "", "looking_for": ""}
COLLABORATION_FIELDS = {
    "reply": ("ada", _question, {}, "body"),
    "review title": ("ada", _new_review, REVIEW, "title"),
    "review link": ("ada", _new_review, REVIEW, "link"),
    "review focus": ("ada", _new_review, REVIEW, "focus"),
    "review tags": ("ada", _new_review, REVIEW, "tags"),
    "the review": ("brian", _on_review("in_review", "finish"), {}, "review"),
    "follow-up": ("ada", _on_review("done", "reopen"), {}, "follow_up"),
    "project description": ("ada", _on_project("details"), TEAM, "description"),
    "repository link": ("ada", _on_project("details"), TEAM, "repository_url"),
    "working agreement": ("ada", _on_project("agreement"), {"version": "0"}, "agreement"),
    "invite label": ("mentor", lambda a, c: ("/admin/invites",) * 2,
                     {"days": "7", "max_uses": "3"}, "label"),
}  # fmt: skip
HOSTILE_TEXT = [
    ("a\x00b", {400}),  # refused at the door
    ("x" * 900_000, {413, 422}),  # past every field's limit
    ("<script>alert(1)</script>", {200, 303, 422}),  # kept as text (or refused), never markup
    ("\u202e\u200b", {200, 303, 422}),
    ("[x](javascript:alert(1)) <img src=x onerror=alert(1)>", {200, 303, 422}),
]


@pytest.mark.parametrize(("value", "statuses"), HOSTILE_TEXT, ids=lambda v: repr(v)[:20])
@pytest.mark.parametrize("name", sorted(COLLABORATION_FIELDS))
def test_hostile_collaboration_text_is_refused_or_shown_as_text(
    app, cast, client_as, name, value, statuses
):
    who, where, form, field = COLLABORATION_FIELDS[name]
    url, page = where(app, cast)
    client = client_as(who)
    response = client.post(url, data=form | {field: value})
    assert response.status_code in statuses, f"{name}: {response.status_code}"
    if response.status_code == 422:
        assert f'id="{field}-error"' in response.get_data(as_text=True) or "flash" in (
            response.get_data(as_text=True)
        )
    shown = client.get(page).get_data(as_text=True)
    assert "<script>alert" not in shown and "<img src=x" not in shown
    assert 'href="javascript:' not in shown


GRAPHQL_FORM = {"document": "query A { products { id } }", "summary": "A",
                "response_example": '{"data": {"products": [{"id": "1"}]}}'}  # fmt: skip
ALIASES = "query A { " + " ".join(f"a{i}: __typename" for i in range(510)) + " }"
FRAGMENT_BOMB = (
    "query A { products { ...F0 } } "
    + " ".join(f"fragment F{i} on Product {{ id ...F{i + 1} ...F{i + 1} }}" for i in range(20))
    + " fragment F20 on Product { id }"
)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("document", "{" * 5_000, "Syntax Error"),
        ("document", "query A { " + "product(id: 1) { " * 40 + "id" + " }" * 41, "levels deep"),
        ("document", ALIASES, "more than 500 fields"),
        ("document", FRAGMENT_BOMB, "more than 500 fields"),
        ("document", "query A { products { id } } " + "#" * 20_000, "at most 10,000 characters"),
        ("document", "subscription S { products { id } }", None),
        ("document", "query A { products { id } } query B { products { id } }", "several"),
        ("variables_example", "[" * 600 + "]" * 600, "nested more than 32 levels deep"),
        ("variables_example", '{"first": "\\u0000"}', "NUL character"),
        ("response_example", '{"data": {"products": [{"id": "1", "__proto__": 1}]}}', "not select"),
        ("response_example", '{"data": null, "errors": "boom"}', "a list of objects"),
        ("summary", "x" * 300, "up to 200 characters"),
    ],
)  # fmt: skip
def test_hostile_graphql_operations_are_refused_next_to_the_field(
    app, cast, client_as, field, value, reason
):
    from .gql.factories import SLUG, upload

    with app.app_context():
        upload(cast["ada"])
    url = f"/projects/{SLUG}/operations/new"
    response = client_as("ada").post(url, data=GRAPHQL_FORM | {field: value})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    if reason is not None:
        assert reason in html.split(f'id="{field}-error"', 1)[1].split("</", 1)[0]


def test_graphql_text_is_shown_escaped(app, cast, client_as):
    from .gql.factories import SLUG, upload

    with app.app_context():
        upload(cast["ada"])
    hostile = "<img src=x onerror=alert(1)>"
    form = GRAPHQL_FORM | {"summary": hostile, "description": hostile,
                           "document": f"# {hostile}\nquery A {{ products {{ id }} }}"}  # fmt: skip
    response = client_as("ada").post(f"/projects/{SLUG}/operations/new", data=form)
    assert response.status_code == 303
    page = client_as("hana").get(response.headers["Location"]).get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"__schema": ' + "[" * 600 + "]" * 600 + "}", "nested more than 64 levels deep"),
        ("type Query { a: " + "[" * 5_000 + "Int" + "]" * 5_000 + " }", None),
        ("type Query { a: Int }\n" + "directive @d on FIELD " * 30_000, None),
        ("type Query { a: String }\u0000", None),
    ],
)
def test_hostile_graphql_schemas_are_refused_with_a_reason(signed_in, text, reason):
    response = signed_in.post("/graphql/schema", data={"project": "Bomb QL", "text": text})
    assert response.status_code in (400, 413, 422)
    if reason:
        assert reason in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    [
        ALIASES.replace("query A", "query"),
        FRAGMENT_BOMB,
        "{ " + "products { " * 300 + "id" + " }" * 301,
        "{ products { id } }" + " " * 9_000 + "{" * 2_000,
        '{ search(text: "' + "\\u0000" * 10 + '") { __typename } }',
    ],
)
def test_hostile_graphql_queries_cost_the_mock_a_bounded_walk(app, cast, client, query):
    from .gql.factories import SLUG, upload

    with app.app_context():
        upload(cast["ada"])
    response = client.post(f"/mock/{SLUG}/graphql", json={"query": query})
    assert response.status_code in (200, 400)
    body = response.get_json()
    assert "errors" in body or "data" in body


# Moderation's text fields: an admin's reason (one line) and a learner's report note (text).
MODERATION_PAYLOADS = [
    ("a\x00b", 400, 400),  # refused at the door
    ("x" * 900_000, 422, 422),  # under the form body limit, far past each field's
    ("line\r\nbreak", 422, 303),  # a note may take lines; a reason is one
    ("\u200b\u2060\ufeff", 422, 303),
    ("<script>alert(1)</script>", 303, 303),
    ('<img src=x onerror=alert(1)> hx-get="/x" hx-trigger="load"', 303, 303),
    ("{{7*7}} {% if 1 %}x{% endif %}", 303, 303),
    ("javascript:alert(1) [x](data:text/html,<b>)", 303, 303),
    ("\u202e" + "evil" * 40, 303, 303),  # isolated in <bdi> where it shows
]


@pytest.mark.parametrize(("text", "reason_status", "note_status"), MODERATION_PAYLOADS)
def test_hostile_moderation_text_is_refused_or_shown_as_text(
    app, cast, client_as, text, reason_status, note_status
):
    from nexus_board.models import User
    from nexus_board.updates.services import post_update

    with app.app_context():
        update_id = post_update(db.session.get(User, cast["hana"]), "An update").id
        db.session.commit()
    brian, mentor = client_as("brian"), client_as("mentor")
    note = brian.post(f"/report/update/{update_id}", data={"reason": "other", "note": text})
    assert note.status_code == note_status
    reason = mentor.post(f"/moderation/update/{update_id}/hide", data={"reason": text})
    assert reason.status_code == reason_status
    hana = client_as("hana")
    pages = [mentor.get("/admin/reports"), mentor.get("/admin/audit"),
             hana.get(f"/updates/{update_id}"), hana.get("/inbox")]  # fmt: skip
    for page in pages:
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert "<script>alert" not in html and "<img src=x" not in html and ">49<" not in html
        assert 'hx-trigger="load"' not in html
    assert ("Hidden by a moderator" in pages[2].get_data(as_text=True)) == (reason_status == 303)
