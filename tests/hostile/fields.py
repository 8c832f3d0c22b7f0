"""Every user-text field of every form, in one table: how to store a value in it through its form
and the pages that show it; or, for a field nothing shows, why it is left out.

`test_fields.py` compares this table with the forms' text fields, so a new field fails until it
has a row here; the browser test (tests/browser/test_hostile_corpus.py) stores every payload of
corpus.py in every stored field and loads every page that shows them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Contract, Update, User
from nexus_board.updates.services import post_update

from ..board.factories import post
from ..conftest import PASSWORD, Auth

WEBHOOK = {"url": "https://discord.com/api/webhooks/1/t", "format": "discord",
           "kinds": "contract.claimed"}  # fmt: skip
REVIEW = {"title": "Review my views", "link": "https://github.com/ada/shop/pull/1",
          "focus": "The serializers", "tags": "django"}  # fmt: skip
CONTRACT = {"project": "Corpus API", "method": "POST", "summary": "Corpus",
            "request_example": '{"sku": "aaa"}', "responses-0-status_code": "201",
            "responses-0-example": '{"id": 1}'}  # fmt: skip
OPERATION = {"document": "query A{n} {{ products {{ id }} }}", "summary": "A",
             "response_example": '{{"data": {{"products": [{{"id": "1"}}]}}}}'}  # fmt: skip


class World:
    """The seeded cohort, and the people and things each payload's fields are stored on."""

    def __init__(self, app, cast):
        self.app, self.cast, self._clients, self.kept = app, cast, {}, {}

    def client(self, name: str):
        if name not in self._clients:
            self._clients[name] = self.app.test_client()
            Auth(self._clients[name]).sign_in(name)
        return self._clients[name]

    def learner(self, n: int) -> str:
        """Learner number `n`: the owner of the fields a person has once (name, profile)."""
        name = f"corpus{n}"
        if name not in self.kept:
            with self.app.app_context():
                from nexus_board.auth import services as accounts

                accounts.register(username=name, display_name=f"Corpus {n}", password=PASSWORD,
                                  track="backend", email=f"{name}@example.com")  # fmt: skip
                db.session.commit()
            self.kept[name] = name
        return name

    def project(self, n: int) -> str:
        """Project number `n`, with a contract of ada's (so she is a member): its slug."""
        key = f"project{n}"
        if key not in self.kept:
            with self.app.app_context():
                contract_id = post(self.cast["ada"], project=f"Corpus {n}", path=f"/p{n}")
                self.kept[key] = db.session.get(Contract, contract_id).project.slug
        return self.kept[key]

    def question(self) -> int:
        if "question" not in self.kept:
            with self.app.app_context():
                user = db.session.get(User, self.cast["hana"])
                self.kept["question"] = post_update(user, "Which pagination?", question=True).id
                db.session.commit()
        return self.kept["question"]

    def contract(self) -> int:
        if "contract" not in self.kept:
            with self.app.app_context():
                self.kept["contract"] = post(self.cast["ada"], path="/comments/{id}")
        return self.kept["contract"]

    def graphql(self) -> str:
        if "graphql" not in self.kept:
            from ..gql.factories import SLUG, upload

            with self.app.app_context():
                upload(self.cast["ada"])
            self.kept["graphql"] = SLUG
        return self.kept["graphql"]

    def serial(self) -> int:
        self.kept["serial"] = self.kept.get("serial", 0) + 1
        return self.kept["serial"]

    def last_update(self) -> int:
        with self.app.app_context():
            return db.session.scalar(select(Update.id).order_by(Update.id.desc()).limit(1))


@dataclass(frozen=True)
class Store:
    """Post `value` in `name` of the form at `url(w, n)`, the rest of `data` valid, as `who`."""

    who: str | Callable[[World, int], str] | None  # None: a visitor
    url: Callable[[World, int], str]
    name: str
    pages: Callable[[World, int, str], list[str]]  # the pages that show it (after the post)
    data: Callable[[World, int], dict] = lambda w, n: {}
    headers: dict = field(default_factory=dict)

    def owner(self, w: World, n: int) -> str:
        """Who posts it (and sees its private pages): a visitor signing up is ada here."""
        who = self.who if isinstance(self.who, str | None) else self.who(w, n)
        return who or "ada"

    def __call__(self, w: World, n: int, value: str):
        who = self.who if isinstance(self.who, str | None) else self.who(w, n)
        client = w.client(who) if who else w.app.test_client()
        response = client.post(self.url(w, n), data=self.data(w, n) | {self.name: value},
                                      headers=self.headers)  # fmt: skip
        return response, self.pages(w, n, who)


def fixed(*pages: str):
    return lambda w, n, who: list(pages)


def own_profile(w, n, who):
    return [f"/u/{who}"]


def contract_field(name: str, **extra) -> Store:
    def data(w, n):
        return CONTRACT | {"path": f"/api/v1/{name.replace('-', '')}/{n}"} | extra

    return Store("ada", lambda w, n: "/contracts/new", name, fixed("/board"), data)


def item(key: str, text: str, **given: str) -> Store:
    """A new item of learner n's profile list `key`, its other `given` fields filled in."""
    data = {f"new-{key}-{k}": v for k, v in given.items()}
    return Store(lambda w, n: w.learner(n), lambda w, n: f"/u/{w.learner(n)}/{key}",
                 f"new-{key}-{text}", own_profile, lambda w, n: data)  # fmt: skip


def review_field(name: str) -> Store:
    return Store("ada", lambda w, n: "/reviews/new", name, fixed("/reviews"), lambda w, n: REVIEW)


def project_page(w, n, who):
    slug = w.project(n)
    return [f"/projects/{slug}", f"/projects/{slug}/webhooks"]


SETTINGS = {"email": "", "track": "backend"}
# "Form.field" → how a value gets there and where it shows, or a string: why it is left out.
FIELDS: dict[str, Store | str] = {
    # Accounts
    "SignUpForm.username": Store(
        None, lambda w, n: "/sign-up", "username", fixed("/learners"),
        lambda w, n: {"display_name": f"Sign up {n}", "password": PASSWORD, "track": "backend"},
    ),
    "SignUpForm.display_name": "the same rules as SettingsForm.display_name (auth/names.py)",
    "SignUpForm.email": "the same rules as SettingsForm.email",
    "SettingsForm.display_name": Store(
        lambda w, n: w.learner(n), lambda w, n: "/settings", "display_name",
        lambda w, n, who: [f"/u/{who}", "/learners", "/settings"], lambda w, n: SETTINGS,
    ),
    "SettingsForm.email": Store(
        lambda w, n: w.learner(n), lambda w, n: "/settings", "email", fixed("/settings"),
        lambda w, n: SETTINGS | {"display_name": f"Corpus {n}"},
    ),
    "SignInForm.login": "compared with accounts, never stored or shown",
    "TokenForm.name": Store(lambda w, n: w.learner(n), lambda w, n: "/settings/tokens", "name",
                            fixed("/settings")),
    "DeleteAccountForm.confirm": "compared with the username, never stored",
    "DisableForm.reason": "test_hostile_input: test_a_disable_reason_shows_escaped_…",
    # Profiles and the README import
    **{
        f"DetailsForm.{name}@profiles": Store(
            lambda w, n: w.learner(n), lambda w, n: f"/u/{w.learner(n)}/about",
            f"about-{name}", own_profile,
        )
        for name in ("headline", "overview", "project_focus", "discord_handle", "github_url")
    },
    "LearningForm.name": item("technologies", "name"),
    "LearningForm.note": item("concepts", "note", name="A concept"),
    "ChallengeForm.title": item("challenges", "title"),
    "ChallengeForm.solution": item("challenges", "solution", title="A challenge"),
    "TakeawayForm.text": item("takeaways", "text"),
    "SectionForm.title": item("sections", "title"),
    "SectionForm.body": item("sections", "body", title="A section"),
    "ImportForm.text@profiles": Store(
        lambda w, n: w.learner(n), lambda w, n: f"/u/{w.learner(n)}/import", "text",
        lambda w, n, who: [f"/u/{who}/import"],
    ),
    # Updates, replies, comments
    "UpdateForm.body": Store("brian", lambda w, n: "/updates", "body",
                             lambda w, n, who: ["/updates", "/", f"/updates/{w.last_update()}"]),
    "FeedFilterForm.tag": "a filter of the feed, read from the URL, never stored",
    "FeedFilterForm.learner": "a filter read from the URL, never stored; anything but a username"
    " is a 400 next to the field (tests/updates/test_feed.py)",
    "ReplyForm.body": Store("brian", lambda w, n: f"/updates/{w.question()}/replies", "body",
                            lambda w, n, who: [f"/updates/{w.question()}"]),
    "CommentForm.body": Store("brian", lambda w, n: f"/contracts/{w.contract()}/comments", "body",
                              lambda w, n, who: [f"/contracts/{w.contract()}"]),
    # Contracts: each field of the form, the rest valid
    **{f"ContractForm.{name}": contract_field(name) for name in (
        "project", "path", "summary", "description", "tags", "request_example",
        "request_schema", "parameters", "components", "dispatch")},
    "ContractForm.deprecation_note": contract_field("deprecation_note", deprecated="y"),
    "ContractForm.sunset": contract_field("sunset", deprecated="y"),
    **{f"ResponseForm.{name}": contract_field(f"responses-0-{name}") for name in (
        "description", "example", "examples", "schema", "status_code")},
    "HideForm.reason": "test_hostile_input: test_hostile_hiding_reasons_are_refused_or_shown_…",
    "DispatchRuleForm.equals": "test_hostile_input: the dispatch rows of test_hostile_schemas_…",
    "DispatchRuleForm.example": "test_hostile_input: the dispatch rows of test_hostile_schemas_…",
    "DispatchRuleForm.name": "test_hostile_input: the dispatch rows of test_hostile_schemas_…",
    "DispatchRuleForm.status": "test_hostile_input: the dispatch rows of test_hostile_schemas_…",
    # Imports: OpenAPI documents and README endpoints (previews; nothing stored until confirmed)
    "ImportForm.project@openapi": "test_hostile_input and tests/openapi: refused or previewed",
    "ImportForm.text@openapi": "test_hostile_input and tests/openapi: refused or previewed",
    "ReadmeForm.project": "tests/openapi/test_readme_import: previewed as text",
    "ReadmeForm.text": "test_hostile_input: test_a_readme_of_pipes_…",
    # GraphQL
    "SchemaForm.project": "test_hostile_input: test_hostile_graphql_schemas_…",
    "SchemaForm.text": "test_hostile_input: test_hostile_graphql_schemas_…",
    **{
        f"OperationForm.{name}": Store(
            "ada", lambda w, n: f"/projects/{w.graphql()}/operations/new", name,
            lambda w, n, who: ["/board"],
            lambda w, n: {k: v.format(n=w.serial()) for k, v in OPERATION.items()},
        )
        for name in ("summary", "description", "tags", "document", "variables_example",
                     "response_example")
    },
    # Code reviews
    **{f"RequestForm.{name}": review_field(name) for name in ("title", "link", "focus", "tags")},
    "ReviewForm.review": "test_hostile_input: COLLABORATION_FIELDS['the review']",
    "FollowUpForm.follow_up": "test_hostile_input: COLLABORATION_FIELDS['follow-up']",
    # Teams and webhooks
    "DetailsForm.description@teams": Store(
        "ada", lambda w, n: f"/projects/{w.project(n)}/details", "description", project_page,
        lambda w, n: {"repository_url": "", "looking_for": ""},
    ),
    "DetailsForm.repository_url@teams": Store(
        "ada", lambda w, n: f"/projects/{w.project(n)}/details", "repository_url", project_page,
        lambda w, n: {"description": "", "looking_for": ""},
    ),
    "AgreementForm.agreement": Store(
        "ada", lambda w, n: f"/projects/{w.project(n)}/agreement", "agreement", project_page,
        lambda w, n: {"version": "0"},
    ),
    "WebhookForm.name": Store("ada", lambda w, n: f"/projects/{w.project(n)}/webhooks", "name",
                              project_page, lambda w, n: WEBHOOK),
    "WebhookForm.url": "https links to Discord's or Slack's hosts only (tests/webhooks)",
    "OwnWebhookForm.url": "https links to Discord's or Slack's hosts only (tests/webhooks)",
    "InviteForm.label": "test_hostile_input: COLLABORATION_FIELDS['invite label']",
    "InviteForm.days": "a number",
    "InviteForm.max_uses": "a number",
    # Moderation
    "ReportForm.note": "test_hostile_input: test_hostile_moderation_text_…",
    "ReportForm.reason": "one of a list",
    "ModerateForm.reason": "test_hostile_input: test_hostile_moderation_text_…",
}  # fmt: skip
STORED = {key: row for key, row in FIELDS.items() if isinstance(row, Store)}
