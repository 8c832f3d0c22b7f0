"""One authorization table for the whole app: every rule that takes an unsafe method, and who
may use it. A rule missing from the table fails (deny by default), and so does a row for a rule
that no longer exists.

Each row names the roles allowed; every other role is refused. Signed-in roles are refused with
403 unless the row says otherwise; an anonymous visitor is sent to sign in (a page), or gets 401
(htmx, the API), and so is a disabled user (signed in before an admin disabled the account):
their session and tokens stop at once. To add a role, add it to ROLES, give it a player and say
in `client_for` how it signs in; then say in each row whether it is allowed.
"""

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from flask import Flask

from nexus_board.auth import services as accounts
from nexus_board.auth import tokens
from nexus_board.board import lifecycle
from nexus_board.board import services as board
from nexus_board.board import services as contracts
from nexus_board.board.specs import project_slug
from nexus_board.extensions import db
from nexus_board.gql import services as gql_services
from nexus_board.models import (
    Contract,
    Delivery,
    DeliveryState,
    Device,
    Notification,
    Project,
    User,
)
from nexus_board.moderation import services as moderation
from nexus_board.openapi import services as openapi_imports
from nexus_board.profiles import readme_import
from nexus_board.profiles import services as profiles
from nexus_board.replies import services as replies
from nexus_board.teams import services as teams
from nexus_board.updates.services import post_update
from nexus_board.webhooks import services as webhooks

from .board.factories import broken, post
from .conftest import PASSWORD, UNSAFE, Auth
from .gql import factories as gql_factories
from .gql.factories import SDL_V2
from .reviews.factories import ask as ask_for_review

ANONYMOUS, BACKEND, FRONTEND, OWNER, ADMIN = "anonymous", "backend", "frontend", "owner", "admin"
DISABLED = "disabled"
ROLES = (ANONYMOUS, BACKEND, FRONTEND, OWNER, ADMIN, DISABLED)
SIGNED_IN = frozenset({BACKEND, FRONTEND, OWNER, ADMIN})
EVERYONE = SIGNED_IN | {ANONYMOUS, DISABLED}
SIGNED_OUT = (ANONYMOUS, DISABLED)
# Who plays each role (the cast of tests/conftest.py); the owner is whoever the row's setup says:
# the contract's author or claimer, the update's author, the profile's learner, the token's owner.
PLAYERS = {BACKEND: "brian", FRONTEND: "hana", ADMIN: "mentor"}
HTMX = {"HX-Request": "true"}
OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1"},
    "paths": {"/api/v1/baskets": {"get": {"responses": {"200": {"description": "OK"}}}}},
}


@dataclass
class Target:
    """One request of a row: where, with what, and who owns what it acts on."""

    url: str
    owner: str = "ada"
    data: dict | None = None
    json: dict | None = None


class World:
    """Fresh things to act on, made through the services, one set per request."""

    def __init__(self, app: Flask, cast: dict[str, int], method: str):
        self.app, self.cast, self.method = app, cast, method
        self.numbers = itertools.count(1)
        self.kept: dict[str, Target] = {}
        self.role = ANONYMOUS  # whose request the next setup is for

    def player(self) -> str:
        """The username of who sends the next request (the owner is ada)."""
        return "ada" if self.role == OWNER else PLAYERS.get(self.role, "")

    def learner(self, *, disabled: bool = False) -> str:
        """A fresh backend learner's username (disabled by mentor if asked)."""
        username = self.unique("someone")
        with self.app.app_context():
            user = accounts.register(
                username=username, display_name=username, password=PASSWORD, track="backend"
            )
            if disabled:
                accounts.set_disabled(user, True, by=self.user("mentor"), reason="Spam")
            db.session.commit()
        return username

    def device(self) -> int:
        """A device ada signed in on, in another browser."""
        Auth(self.app.test_client()).sign_in("ada")
        with self.app.app_context():
            return db.session.scalars(
                db.select(Device.id).where(Device.user_id == self.cast["ada"])
            ).all()[-1]

    def unique(self, prefix: str) -> str:
        return f"{prefix}{next(self.numbers)}"

    def user(self, username: str) -> User:
        return db.session.get(User, self.cast[username])

    def contract(self, state: str = "open", **fields) -> int:
        """A contract by ada (claimed by gabriel past "open") on a path of its own."""
        path = fields.pop("path", None) or "/api/v1/" + self.unique("items") + "/{id}"
        with self.app.app_context():
            claimer = None if state == "open" else self.cast["gabriel"]
            return post(self.cast["ada"], state=state, claimer_id=claimer, path=path, **fields)

    def broken(self, hidden: bool = False) -> int:
        """A contract by ada that needs fixing (so she may hide it), hidden by her if `hidden`."""
        path = "/api/v1/" + self.unique("broken")
        with self.app.app_context():
            contract_id = broken(self.cast["ada"], path=path)
            if hidden:
                lifecycle.hide(contract_id, self.user("ada"), "Examples too deep")
                db.session.commit()
            return contract_id

    def update(self, author: str = "ada", **options) -> int:
        with self.app.app_context():
            update = post_update(self.user(author), "Shipped the list endpoint", **options)
            db.session.commit()
            return update.id

    def moderatable(self, kind: str, hidden: bool = False) -> int:
        """An update, reply, comment, contract or review request of ada's (hidden by mentor if
        `hidden`)."""
        if kind == "contract":
            item_id = self.contract()
        elif kind == "update":
            item_id = self.update()
        elif kind == "review":
            with self.app.app_context():
                item_id = ask_for_review(self.cast["ada"])
        elif kind == "reply":
            with self.app.app_context():
                question = post_update(self.user("gabriel"), "Which pagination?", question=True)
                item_id = replies.add_reply(question, self.user("ada"), "Cursor pagination.").id
                db.session.commit()
        else:
            contract_id = self.contract()
            with self.app.app_context():
                contract = db.session.get(Contract, contract_id)
                item_id = board.add_comment(contract, self.user("ada"), "A comment").id
                db.session.commit()
        if hidden:
            with self.app.app_context():
                moderation.hide(kind, item_id, self.user("mentor"), "Spam")
                db.session.commit()
        return item_id

    def report(self) -> Target:
        """brian's report of an update of ada's."""
        update_id = self.update()
        with self.app.app_context():
            report = moderation.report("update", update_id, self.user("brian"), "spam")
            db.session.commit()
            return Target(f"/admin/reports/{report.id}/dismiss")

    def item(self, key: str) -> int:
        """An item of ada's list `key`."""
        name = self.unique("Topic ")
        adders = {
            "technologies": lambda u: profiles.add_learning(u, kind="technology", name=name),
            "concepts": lambda u: profiles.add_learning(u, kind="concept", name=name),
            "challenges": lambda u: profiles.add_challenge(u, title=name),
            "takeaways": lambda u: profiles.add_takeaway(u, text=name),
            "sections": lambda u: profiles.add_section(u, title=name),
        }
        with self.app.app_context():
            item = adders[key](self.user("ada"))
            db.session.commit()
            return item.id

    def token(self) -> int:
        with self.app.app_context():
            token, _secret = tokens.create_token(self.user("ada"), "CI")
            db.session.commit()
            return token.id

    def readme_import(self) -> str:
        with self.app.app_context():
            pending = readme_import.start_import(self.user("ada"), "## Overview\n\nHello.\n")
            db.session.commit()
            return pending.id

    def openapi_import(self) -> Target:
        with self.app.app_context():
            ada = self.user("ada")
            pending = openapi_imports.start_import(ada, "Shop", "", json.dumps(OPENAPI).encode())
            db.session.commit()
            plan = openapi_imports.preview(pending, ada)
            return Target(
                f"/projects/import/{pending.id}", data={"fingerprint": plan.fingerprint()}
            )

    def notification(self) -> Target:
        """A notification in ada's inbox: gabriel claimed her contract."""
        self.contract("claimed")
        with self.app.app_context():
            query = db.select(Notification.id).where(Notification.user_id == self.cast["ada"])
            return Target(
                f"/inbox/{db.session.scalar(query.order_by(Notification.id.desc()))}/read"
            )

    def webhook(self, action: str) -> Target:
        """A webhook of ada's project (she posted a contract in it)."""
        self.contract()
        with self.app.app_context():
            project = db.session.scalar(db.select(Project))
            hook = webhooks.add_webhook(self.user("ada"), project=project, **WEBHOOK)
            db.session.commit()
            return Target(f"/webhooks/{hook.id}/{action}")

    def failed_delivery(self) -> Target:
        with self.app.app_context():
            hook_id = webhooks.add_webhook(self.user("mentor"), **WEBHOOK).id
            db.session.commit()
        self.contract()  # its event is queued for the cohort's webhook
        with self.app.app_context():
            row = db.session.scalar(db.select(Delivery).where(Delivery.webhook_id == hook_id))
            row.state = DeliveryState.FAILED
            db.session.commit()
            return Target(f"/admin/deliveries/{row.id}/retry")  # ada, its "owner", is no admin

    def graphql_project(self) -> str:
        """A GraphQL project of its own whose first schema ada uploaded; its name."""
        name = self.unique("Shop GraphQL ")
        with self.app.app_context():
            gql_factories.upload(self.cast["ada"], project=name)
        return name

    def operation(self) -> int:
        """ProductList, posted by ada in a GraphQL project of its own."""
        name = self.graphql_project()
        with self.app.app_context():
            project = db.session.scalar(db.select(Project).where(Project.name == name))
            contract = gql_services.create_operation(
                project, gql_factories.draft(), self.user("ada")
            )
            db.session.commit()
            return contract.id

    def mock(self, path: str) -> Target:
        """A contract for this row's method on `path`, and a request its mock answers with 200."""
        if path not in self.kept:  # the mocks only read: one contract serves every role
            body = {"name": "x"} if self.method in ("POST", "PUT", "PATCH") else None
            self.contract(
                method=self.method, path=path, request_example=json.dumps(body) if body else ""
            )
            self.kept[path] = Target("/mock/e-commerce-api" + path.replace("{id}", "1"), json=body)
        return self.kept[path]


def fixed(url: str, **data) -> Callable[[World], Target]:
    """A request that needs nothing made first."""
    return lambda w: Target(url, data=data or None)


def on_contract(action: str, state: str = "open", owner: str = "ada", **data):
    """A button on a fresh contract in `state` (by ada, claimed by gabriel past "open")."""
    return lambda w: Target(f"/contracts/{w.contract(state)}/{action}", owner, data or None)


def on_update(action: str, author: str = "ada", **options):
    return lambda w: Target(f"/updates/{w.update(author, **options)}/{action}", owner=author)


def contract_form(path: str) -> dict:
    return {
        "project": "E-commerce API", "method": "GET", "path": path, "summary": "Products",
        "responses-0-status_code": "200", "responses-0-example": "{}", "version": "1",
    }  # fmt: skip


def sign_up(w: World) -> Target:
    name = w.unique("newcomer")
    data = {"username": name, "display_name": name, "password": PASSWORD, "track": "frontend"}
    return Target("/sign-up", data=data)


def new_contract(w: World) -> Target:
    return Target("/contracts/new", data=contract_form("/api/v1/" + w.unique("new")))


def edit(w: World) -> Target:
    contract_id = w.contract()
    return Target(f"/contracts/{contract_id}/edit", data=contract_form(f"/edited/{contract_id}"))


def api_post(w: World) -> Target:
    body = {"project": "E-commerce API", "method": "GET", "path": "/api/v1/" + w.unique("api"),
            "summary": "Products", "responses": [{"status_code": 200, "example": {}}]}  # fmt: skip
    return Target("/api/v1/contracts", json=body)


def api_patch(w: World) -> Target:
    return Target(f"/api/v1/contracts/{w.contract()}", json={"version": 1, "summary": "Renamed"})


def openapi_upload(w: World) -> Target:
    return Target(
        "/projects/import", data={"project": w.unique("Shop "), "text": json.dumps(OPENAPI)}
    )


def readme_upload(w: World) -> Target:
    data = {"readme-project": w.unique("Shop "), "readme-text": "- GET /api/v1/baskets/ — Baskets"}
    return Target("/projects/import/readme", data=data)


def publish(w: World) -> Target:
    """A draft of ada's that is ready: it has a response example."""
    return Target(f"/contracts/{w.contract(is_draft=True)}/publish")


def openapi_cancel(w: World) -> Target:
    return Target(w.openapi_import().url + "/cancel")


def schema_upload(url: str, field: str) -> Callable[[World], Target]:
    """Schema version 2 for a GraphQL project of ada's (previewed, or saved)."""
    return lambda w: Target(url, data={"project": w.graphql_project(), field: SDL_V2})


def operation_form(w: World) -> dict:
    return {"document": gql_factories.PRODUCT_LIST, "summary": "Products", "version": "1",
            "response_example": json.dumps(gql_factories.PRODUCT_LIST_EXAMPLE)}  # fmt: skip


def new_operation(w: World) -> Target:
    slug = project_slug(w.graphql_project())
    return Target(f"/projects/{slug}/operations/new", data=operation_form(w))


def edit_operation(w: World) -> Target:
    contract_id = w.operation()
    data = operation_form(w) | {"summary": "Renamed"}
    return Target(f"/contracts/{contract_id}/operation", data=data)


def graphql_mock(w: World) -> Target:
    if "graphql" not in w.kept:
        slug = project_slug(w.graphql_project())
        w.kept["graphql"] = Target(f"/mock/{slug}/graphql", json={"query": "{ products { id } }"})
    return w.kept["graphql"]


def readme(action: str) -> Callable[[World], Target]:
    return lambda w: Target(f"/u/ada/import/{w.readme_import()}/{action}")


WEBHOOK = {"name": "#nexus", "url": "https://discord.com/api/webhooks/1/t", "format": "discord",
           "kinds": ["contract.posted", "contract.claimed"]}  # fmt: skip
WEBHOOK_FORM = WEBHOOK | {"kinds": "contract.claimed"}


def project_webhook(w: World) -> Target:
    w.contract()  # ada contributes to E-commerce API
    return Target("/projects/e-commerce-api/webhooks", data=WEBHOOK_FORM)


ITEM_FIELDS = {"technologies": "name", "concepts": "name", "challenges": "title",
               "takeaways": "text", "sections": "title"}  # fmt: skip


def add_item(key: str) -> Callable[[World], Target]:
    return lambda w: Target(f"/u/ada/{key}", data={f"new-{key}-{ITEM_FIELDS[key]}": w.unique("A")})


def update_item(key: str) -> Callable[[World], Target]:
    def setup(w: World) -> Target:
        item_id = w.item(key)
        return Target(f"/u/ada/{key}/{item_id}", data={f"{key}-{item_id}-{ITEM_FIELDS[key]}": "B"})

    return setup


def on_item(key: str, suffix: str = "", **data) -> Callable[[World], Target]:
    return lambda w: Target(f"/u/ada/{key}/{w.item(key)}{suffix}", data=data or None)


def reply(w: World, action: str, *, asker: str = "gabriel", author: str = "ada") -> Target:
    """A reply by `author` to `asker`'s question; the owner is whoever the action is theirs."""
    with w.app.app_context():
        question = post_update(w.user(asker), "Which pagination?", question=True)
        made = replies.add_reply(question, w.user(author), "Cursor pagination.")
        db.session.commit()
        owner = asker if action == "accept" else author
        return Target(f"/replies/{made.id}/{action}", owner, {"body": "Edited"})


def comment(w: World, action: str) -> Target:
    contract_id = w.contract()
    with w.app.app_context():
        made = contracts.add_comment(db.session.get(Contract, contract_id), w.user("ada"), "Hm")
        db.session.commit()
        return Target(f"/contracts/{contract_id}/comments/{made.id}/{action}", "ada", {"body": "B"})


def review(action: str, state: str, requester: str, reviewer: str | None, owner: str, **data):
    """A review request by `requester` in `state` (reviewed by `reviewer`), and an action on it."""

    def setup(w: World) -> Target:
        with w.app.app_context():
            ids = {"reviewer_id": w.cast[reviewer]} if reviewer else {}
            review_id = ask_for_review(w.cast[requester], state=state, **ids)
        return Target(f"/reviews/{review_id}/{action}", owner, data or None)

    return setup


def team(action: str, owner: str = "ada", **data) -> Callable[[World], Target]:
    """An action on a project of its own, where ada posted a contract (and hana asked to join)."""

    def setup(w: World) -> Target:
        name = w.unique("Team ")
        w.contract(project=name)
        with w.app.app_context():
            project = db.session.scalar(db.select(Project).where(Project.name == name))
            teams.ask_to_join(project, w.user("hana"))
            db.session.commit()
            path = action.replace("<hana>", str(w.cast["hana"]))
            return Target(f"/projects/{project.slug}/{path}", owner, data or None)

    return setup


REVIEW_FORM = {"title": "Review my views", "link": "https://github.com/ada/shop/pull/1",
               "focus": "The serializers", "tags": "django"}  # fmt: skip
INVITE_FORM = {"label": "Cohort 7", "days": "7", "max_uses": "30"}


@dataclass(frozen=True)
class Row:
    setup: Callable[[World], Target]
    allowed: frozenset[str]
    refused: dict[str, int] = field(default_factory=dict)  # statuses other than 403, by role

    def expected_refusal(self, role: str) -> int:
        return self.refused.get(role, 403)


ANY_BACKEND = frozenset({BACKEND, OWNER, ADMIN})  # ada, the usual owner, is a backend learner
OWNER_OR_ADMIN = frozenset({OWNER, ADMIN})
ONLY_OWNER = frozenset({OWNER})
ONLY_ADMIN = frozenset({ADMIN})
CLAIMERS = frozenset({FRONTEND, ADMIN})
NOT_THEIRS = {BACKEND: 404, ADMIN: 404}  # someone else's import is not there for them
PASSWORDS = {"current_password": PASSWORD, "new_password": "another long password"}
DETAILS = {"display_name": "Renamed", "email": "", "track": "backend"}

RULE = {"in": "path", "name": "id", "equals": "0", "status": 404}
RULE_FORM = {"where": "path", "name": "id", "equals": "0", "status": "404", "version": "1"}


MODERATED = ("update", "reply", "comment", "contract", "review")


def report(kind: str) -> Callable[[World], Target]:
    return lambda w: Target(f"/report/{kind}/{w.moderatable(kind)}", data={"reason": "spam"})


def moderate(kind: str, action: str) -> Callable[[World], Target]:
    def setup(w: World) -> Target:
        item_id = w.moderatable(kind, hidden=action == "unhide")
        return Target(f"/moderation/{kind}/{item_id}/{action}", data={"reason": "Spam"})

    return setup


# "METHOD /path": who may. Parameters are written <name>; `any(...)` parts are spelled out.
TABLE: dict[str, Row] = {
    # Accounts and tokens
    "POST /sign-up": Row(sign_up, EVERYONE),
    "POST /sign-in": Row(fixed("/sign-in", login="ada", password=PASSWORD), EVERYONE),
    "POST /sign-out": Row(fixed("/sign-out"), EVERYONE),
    "POST /settings": Row(
        lambda w: Target("/settings", data=DETAILS | {"display_name": w.unique("Renamed ")}),
        SIGNED_IN,
    ),
    "POST /settings/password": Row(fixed("/settings/password", **PASSWORDS), SIGNED_IN),
    "POST /settings/tokens": Row(fixed("/settings/tokens", name="CI"), SIGNED_IN),
    "POST /sign-in/confirm": Row(fixed("/sign-in/confirm", password=PASSWORD), SIGNED_IN),
    "POST /settings/devices/<device_id>/sign-out": Row(
        lambda w: Target(f"/settings/devices/{w.device()}/sign-out"),
        ONLY_OWNER,
        {BACKEND: 404, FRONTEND: 404, ADMIN: 404},  # another's device is not there for them
    ),
    "POST /settings/sign-out-everywhere": Row(fixed("/settings/sign-out-everywhere"), SIGNED_IN),
    "POST /settings/delete": Row(
        lambda w: Target("/settings/delete", data={"confirm": w.player()}), SIGNED_IN
    ),
    "POST /admin/accounts/<username>/disable": Row(
        lambda w: Target(f"/admin/accounts/{w.learner()}/disable", data={"reason": "Spam"}),
        ONLY_ADMIN,
    ),
    "POST /admin/accounts/<username>/enable": Row(
        lambda w: Target(f"/admin/accounts/{w.learner(disabled=True)}/enable"), ONLY_ADMIN
    ),
    "POST /theme": Row(fixed("/theme", theme="dark"), EVERYONE),
    "POST /settings/tokens/<token_id>/revoke": Row(
        lambda w: Target(f"/settings/tokens/{w.token()}/revoke"),
        ONLY_OWNER,
        {BACKEND: 404, FRONTEND: 404, ADMIN: 404},  # another's token is not there for them
    ),
    # The board: the owner is the author, or the claimer (gabriel) for the claimer's moves
    "POST /contracts/new": Row(new_contract, ANY_BACKEND),
    "POST /contracts/<contract_id>/edit": Row(edit, OWNER_OR_ADMIN),
    "POST /contracts/<contract_id>/delete": Row(on_contract("delete"), OWNER_OR_ADMIN),
    "POST /contracts/<contract_id>/claim": Row(on_contract("claim"), CLAIMERS),
    "POST /contracts/<contract_id>/unclaim": Row(
        on_contract("unclaim", "claimed", "gabriel"), OWNER_OR_ADMIN
    ),
    "POST /contracts/<contract_id>/start": Row(
        on_contract("start", "claimed", "gabriel"), OWNER_OR_ADMIN
    ),
    "POST /contracts/<contract_id>/finish": Row(
        on_contract("finish", "in_progress", "gabriel"), OWNER_OR_ADMIN
    ),
    "POST /contracts/<contract_id>/reopen": Row(
        on_contract("reopen", "done", "gabriel"), OWNER_OR_ADMIN
    ),
    "POST /contracts/<contract_id>/implement": Row(on_contract("implement"), OWNER_OR_ADMIN),
    "POST /contracts/<contract_id>/acknowledge": Row(
        on_contract("acknowledge", "claimed", "gabriel", version="1"), ONLY_OWNER
    ),
    "POST /contracts/<contract_id>/comments": Row(on_contract("comments", body="Hi"), SIGNED_IN),
    # Hiding one that needs fixing: its author (brian is no author in its project) or an admin;
    # once hidden, the others do not find it at all.
    "POST /contracts/<contract_id>/hide": Row(
        lambda w: Target(f"/contracts/{w.broken()}/hide", data={"reason": "Too deep"}),
        OWNER_OR_ADMIN,
    ),
    "POST /contracts/<contract_id>/unhide": Row(
        lambda w: Target(f"/contracts/{w.broken(hidden=True)}/unhide"),
        OWNER_OR_ADMIN,
        {BACKEND: 404, FRONTEND: 404},
    ),
    # The mock's dispatch rules on the contract page: whoever may edit the contract
    "POST /contracts/<contract_id>/dispatch": Row(
        lambda w: Target(f"/contracts/{w.contract()}/dispatch", data=RULE_FORM), OWNER_OR_ADMIN
    ),
    "POST /contracts/<contract_id>/dispatch/<index>/delete": Row(
        lambda w: Target(
            f"/contracts/{w.contract(dispatch=json.dumps([RULE]))}/dispatch/1/delete",
            data={"version": "1"},
        ),
        OWNER_OR_ADMIN,
    ),
    # Contracts as code
    "POST /projects/import": Row(openapi_upload, ANY_BACKEND),
    "POST /projects/import/<import_id>": Row(World.openapi_import, ONLY_OWNER, NOT_THEIRS),
    "POST /projects/import/readme": Row(readme_upload, ANY_BACKEND),
    # A draft is not there for anyone but its author
    "POST /contracts/<contract_id>/publish": Row(
        publish, ONLY_OWNER, {BACKEND: 404, FRONTEND: 404, ADMIN: 404}
    ),
    "POST /projects/import/<import_id>/cancel": Row(openapi_cancel, ONLY_OWNER, NOT_THEIRS),
    # GraphQL: a project's next schema comes from those who work on it (ada) or an admin
    "POST /graphql/schema": Row(schema_upload("/graphql/schema", "text"), OWNER_OR_ADMIN),
    "POST /graphql/schema/save": Row(
        schema_upload("/graphql/schema/save", "schema"), OWNER_OR_ADMIN
    ),
    "POST /projects/<slug>/operations/new": Row(new_operation, ANY_BACKEND),
    "POST /contracts/<contract_id>/operation": Row(edit_operation, OWNER_OR_ADMIN),
    "POST /mock/<slug>/graphql": Row(graphql_mock, EVERYONE),
    "POST /api/v1/contracts": Row(api_post, ANY_BACKEND),
    "PATCH /api/v1/contracts/<contract_id>": Row(api_patch, OWNER_OR_ADMIN),
    **{
        f"{method} /mock/<slug>/{tail}": Row(lambda w, p=path: w.mock(p), EVERYONE)
        for method in ("POST", "PUT", "PATCH", "DELETE")
        for tail, path in (("", "/"), ("<path>", "/things/{id}"))
    },
    # Updates; only admins post announcements, so the owner of one is an admin too
    "POST /updates": Row(fixed("/updates", body="Hello #drf"), SIGNED_IN),
    "POST /updates/<update_id>/delete": Row(on_update("delete"), OWNER_OR_ADMIN),
    "POST /updates/<update_id>/pin": Row(
        on_update("pin", "mentor", announcement=True), OWNER_OR_ADMIN
    ),
    "POST /updates/<update_id>/unpin": Row(
        on_update("unpin", "mentor", announcement=True), OWNER_OR_ADMIN
    ),
    # Questions and replies: the owner is the reply's author, or for "accept" the asker
    "POST /updates/<update_id>/replies": Row(
        lambda w: Target(f"/updates/{w.update()}/replies", data={"body": "Me too"}), SIGNED_IN
    ),
    "POST /replies/<reply_id>/edit": Row(lambda w: reply(w, "edit"), ONLY_OWNER),
    "POST /replies/<reply_id>/delete": Row(lambda w: reply(w, "delete"), OWNER_OR_ADMIN),
    "POST /replies/<reply_id>/accept": Row(lambda w: reply(w, "accept"), ONLY_OWNER),
    "POST /contracts/<contract_id>/comments/<comment_id>/edit": Row(
        lambda w: comment(w, "edit"), ONLY_OWNER
    ),
    "POST /contracts/<contract_id>/comments/<comment_id>/delete": Row(
        lambda w: comment(w, "delete"), OWNER_OR_ADMIN
    ),
    # Code reviews: ada asks, another backend learner (brian) or an admin reviews
    "POST /reviews/new": Row(fixed("/reviews/new", **REVIEW_FORM), ANY_BACKEND),
    "POST /reviews/<review_id>/claim": Row(
        review("claim", "open", "ada", None, "ada"), frozenset({BACKEND, ADMIN})
    ),
    "POST /reviews/<review_id>/unclaim": Row(
        review("unclaim", "in_review", "brian", "ada", "ada"), OWNER_OR_ADMIN
    ),
    "POST /reviews/<review_id>/finish": Row(
        review("finish", "in_review", "brian", "ada", "ada", review="Fine"), ONLY_OWNER
    ),
    "POST /reviews/<review_id>/thank": Row(
        review("thank", "done", "ada", "brian", "ada"), ONLY_OWNER
    ),
    "POST /reviews/<review_id>/reopen": Row(
        review("reopen", "done", "ada", "brian", "ada", follow_up="Again?"), ONLY_OWNER
    ),
    # Project teams: members (ada posted a contract) and admins edit; anyone else may ask
    "POST /projects/<slug>/details": Row(team("details", looking_for="frontend"), OWNER_OR_ADMIN),
    "POST /projects/<slug>/agreement": Row(
        team("agreement", agreement="Channel: #team", version="0"), OWNER_OR_ADMIN
    ),
    "POST /projects/<slug>/join": Row(
        team("join", owner="gabriel"), SIGNED_IN - {FRONTEND}, {FRONTEND: 409}
    ),  # fmt: skip  (hana asked already)
    "POST /projects/<slug>/members/<user_id>/accept": Row(
        team("members/<hana>/accept"), OWNER_OR_ADMIN
    ),
    "POST /admin/invites": Row(fixed("/admin/invites", **INVITE_FORM), ONLY_ADMIN),
    # The inbox, notification settings and webhooks; a project's contributors set up its own
    "POST /inbox/read": Row(fixed("/inbox/read"), SIGNED_IN),
    "POST /inbox/<notification_id>/read": Row(
        World.notification, ONLY_OWNER, {BACKEND: 404, FRONTEND: 404, ADMIN: 404}
    ),
    "POST /settings/notifications": Row(
        lambda w: Target("/settings/notifications", data={"in_app": "mention", "url": ""}),
        SIGNED_IN,
    ),
    "POST /projects/<slug>/webhooks": Row(project_webhook, OWNER_OR_ADMIN),
    "POST /webhooks/<webhook_id>/delete": Row(lambda w: w.webhook("delete"), OWNER_OR_ADMIN),
    "POST /webhooks/<webhook_id>/test": Row(lambda w: w.webhook("test"), OWNER_OR_ADMIN),
    "POST /admin/webhooks": Row(lambda w: Target("/admin/webhooks", data=WEBHOOK_FORM), ONLY_ADMIN),
    "POST /admin/deliveries/<delivery_id>/retry": Row(World.failed_delivery, ONLY_ADMIN),
    # Moderation: anyone signed in reports another's item; only admins moderate
    **{
        f"POST /report/{kind}/<item_id>": Row(report(kind), SIGNED_IN - {OWNER})
        for kind in MODERATED
    },
    **{
        f"POST /moderation/{kind}/<item_id>/{action}": Row(moderate(kind, action), ONLY_ADMIN)
        for kind in MODERATED
        for action in ("hide", "unhide", "delete")
    },
    "POST /admin/reports/<report_id>/dismiss": Row(World.report, ONLY_ADMIN),
    # Profiles: only their learner edits them (an admin too is someone else here)
    "POST /u/<username>/about": Row(fixed("/u/ada/about", **{"about-headline": "Hi"}), ONLY_OWNER),
    "POST /u/<username>/import": Row(fixed("/u/ada/import", text="## Overview\n\nHi."), ONLY_OWNER),
    "POST /u/<username>/import/<import_id>/confirm": Row(readme("confirm"), ONLY_OWNER),
    "POST /u/<username>/import/<import_id>/cancel": Row(readme("cancel"), ONLY_OWNER),
    **{f"POST /u/<username>/{key}": Row(add_item(key), ONLY_OWNER) for key in ITEM_FIELDS},
    **{f"POST /u/<username>/{k}/<item_id>": Row(update_item(k), ONLY_OWNER) for k in ITEM_FIELDS},
    **{f"DELETE /u/<username>/{k}/<item_id>": Row(on_item(k), ONLY_OWNER) for k in ITEM_FIELDS},
    **{
        f"POST /u/<username>/{key}/<item_id>/move": Row(
            on_item(key, "/move", direction="up"), ONLY_OWNER
        )
        for key in ITEM_FIELDS
    },
}

CONVERTER = re.compile(r"<(?:(\w+)(?:\(([^)]*)\))?:)?(\w+)>")


def unsafe_rules(app: Flask) -> set[str]:
    """ "METHOD /path" for every rule taking an unsafe method; `any(...)` parts spelled out."""
    found = set()
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & UNSAFE):
            for path in _spelled_out(rule.rule):
                found.add(f"{method} {path}")
    return found


def _spelled_out(rule: str) -> list[str]:
    match = CONVERTER.search(rule)
    if match is None:
        return [rule]
    converter, args, name = match.groups()
    if converter == "any":
        parts = [part.strip().strip("'\"") for part in args.split(",")]
    else:
        parts = [f"<{name}>"]
    head, tail = rule[: match.start()], rule[match.end() :]
    return [head + part + rest for part in parts for rest in _spelled_out(tail)]


def test_every_unsafe_rule_has_a_row_and_every_row_a_rule(app):
    rules = unsafe_rules(app)
    assert sorted(rules - TABLE.keys()) == [], "who may use these? add them to TABLE"
    assert sorted(TABLE.keys() - rules) == [], "these rules are gone: remove their rows"


def client_for(app: Flask, role: str, target: Target, api: bool):
    """A client acting as `role`: signed in through the form, or with a token for the API.

    The disabled user is a fresh account, signed in (and given a token), then disabled.
    """
    client = app.test_client()
    if role == DISABLED:
        return _disabled_client(app, api)
    username = target.owner if role == OWNER else PLAYERS.get(role)
    if username is None:
        return client, {}
    if api:
        with app.app_context():
            user = db.session.scalar(db.select(User).where(User.username == username))
            _, secret = tokens.create_token(user, "table", scope="write")
            db.session.commit()
        return client, {"Authorization": f"Bearer {secret}"}
    Auth(client).sign_in(username)
    return client, {}


def _disabled_client(app: Flask, api: bool):
    client = app.test_client()
    with app.app_context():
        number = db.session.scalar(db.select(db.func.count()).select_from(User))
        user = accounts.register(
            username=f"gone{number}", display_name=f"Gone {number}", password=PASSWORD,
            track="backend",
        )  # fmt: skip
        _, secret = tokens.create_token(user, "table", scope="write")
        db.session.commit()
        username = user.username
    Auth(client).sign_in(username)
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == username))
        mentor = db.session.scalars(db.select(User).where(User.role == "admin")).first()
        accounts.set_disabled(user, True, by=mentor, reason="Spam")
        db.session.commit()
    return client, ({"Authorization": f"Bearer {secret}"} if api else {})


def send(client, method: str, target: Target, headers: dict):
    return client.open(
        target.url, method=method, data=target.data, json=target.json, headers=headers
    )


def stored(app: Flask) -> dict:
    """Every row of every table but the tokens' (a token's use is recorded even when refused)."""
    with app.app_context():
        return {
            table.name: sorted(map(repr, db.session.execute(table.select())))
            for table in db.metadata.sorted_tables
            if table.name != "api_tokens"
        }


@pytest.mark.parametrize("key", sorted(TABLE))
def test_each_role_gets_what_the_table_says(app, cast, key):
    method, path = key.split(" ", 1)
    row, api = TABLE[key], path.startswith("/api/")
    world = World(app, cast, method)
    for role in ROLES:
        world.role = role
        target = row.setup(world)
        client, headers = client_for(app, role, target, api)
        before = stored(app)
        response = send(client, method, target, headers)
        status = response.status_code
        if role in row.allowed:
            assert status < 400, f"{role} was refused {key} ({status})"
            continue
        if role not in SIGNED_OUT:
            assert status == row.expected_refusal(role), f"{role} on {key}: {status}"
        elif api:
            assert status == 401 and "WWW-Authenticate" in response.headers
        else:
            assert_sent_to_sign_in(response, send(client, method, target, HTMX), key)
        assert stored(app) == before, f"refused, {role} still changed something on {key}"


FORMS = sorted(key for key in TABLE if not key.split(" ", 1)[1].startswith(("/api/", "/mock/")))


@pytest.mark.parametrize("key", FORMS)
def test_every_form_route_needs_the_csrf_token(app, cast, key):
    method = key.split(" ", 1)[0]
    row = TABLE[key]
    target = row.setup(World(app, cast, method))
    role = next(role for role in ROLES if role in row.allowed)
    client, _ = client_for(app, role, target, api=False)
    before = stored(app)
    response = client.open(target.url, method=method, data=target.data, csrf=False)
    assert response.status_code == 400 and stored(app) == before


def assert_sent_to_sign_in(page, htmx, key: str) -> None:
    """A page goes to the sign-in form; htmx gets 401 and sends the whole window there."""
    assert page.status_code == 302, f"anonymous {key}: {page.status_code}"
    assert page.headers["Location"].startswith("/sign-in")
    assert htmx.status_code == 401, f"anonymous htmx {key}: {htmx.status_code}"
    assert htmx.headers["HX-Redirect"].startswith("/sign-in")
