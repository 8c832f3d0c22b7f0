"""Posting, editing (optimistic lock, revisions, breaking flags), deleting and commenting."""

import json

import pytest
from sqlalchemy import func, select

from nexus_board.board import lifecycle, services
from nexus_board.board.specs import ResponseDraft, draft_of
from nexus_board.errors import Conflict, Forbidden, Invalid
from nexus_board.extensions import db
from nexus_board.models import Comment, Contract, ContractResponse, Project, Revision

from .factories import PRODUCT, draft


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_posting_creates_version_one_with_project_tags_and_responses(app, cast, user):
    with app.app_context():
        contract = services.create_contract(draft(tags="b, a"), user(cast["ada"]))
        db.session.commit()
        assert (contract.version, contract.status, contract.claimer_id) == (1, "open", None)
        assert (contract.project.name, contract.project.slug) == (
            "E-commerce API",
            "e-commerce-api",
        )
        assert contract.tag_names == ["a", "b"]
        assert [(r.status_code, r.description) for r in contract.responses] == [
            (200, "OK"),
            (404, "Not Found"),
        ]
        assert json.loads(contract.responses[0].example) == PRODUCT
        assert contract.path_key == "/api/v1/products/{}"


def test_frontend_learners_cannot_post(app, cast, user):
    with app.app_context(), pytest.raises(Forbidden):
        services.create_contract(draft(), user(cast["gabriel"]))


def test_a_project_is_found_by_its_slug_whatever_the_case(app, cast, user):
    with app.app_context():
        services.create_contract(draft(), user(cast["ada"]))
        services.create_contract(draft(project="e-commerce  api", path="/x"), user(cast["ada"]))
        db.session.commit()
        assert db.session.scalars(select(Project.name)).all() == ["E-commerce API"]


@pytest.mark.parametrize("path", ["/api/v1/products/{id}", "/api/v1/products/{product_id}"])
def test_a_duplicate_endpoint_is_refused_with_the_existing_contract(app, cast, user, path):
    with app.app_context():
        first = services.create_contract(draft(), user(cast["ada"]))
        db.session.commit()
        with pytest.raises(services.Duplicate) as raised:
            services.create_contract(draft(path=path), user(cast["brian"]))
        assert raised.value.existing.id == first.id
        assert raised.value.status == 409
        db.session.rollback()
        # Another method or project is another endpoint.
        services.create_contract(draft(method="DELETE"), user(cast["brian"]))
        services.create_contract(draft(project="Shop v2"), user(cast["brian"]))
        db.session.commit()
        assert count(Contract) == 3


def test_an_edit_saves_a_revision_and_bumps_the_version(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        changed = draft_of(saved)
        changed.summary = "Fetch one product"
        changed.responses.append(ResponseDraft(410, "", '{"detail": "gone"}'))
        revision = services.update_contract(saved, changed, user(cast["ada"]), expected_version=1)
        db.session.commit()
        assert (saved.version, revision.version, revision.editor_id) == (2, 2, cast["ada"])
        assert {c["field"] for c in revision.changes} == {"summary", "response-410"}
        assert revision.breaking is False and revision.severity == "safe"
        assert [c["rule"] for c in revision.classified] == ["response.status-added", "docs.summary"]
        assert count(ContractResponse) == 3


def test_an_edit_with_no_changes_saves_nothing(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        assert (
            services.update_contract(saved, draft_of(saved), user(cast["ada"]), expected_version=1)
            is None
        )
        db.session.commit()
        assert (db.session.get(Contract, contract_id).version, count(Revision)) == (1, 0)


def test_a_save_from_an_old_version_is_refused(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        first = draft_of(saved)
        first.summary = "First edit"
        services.update_contract(saved, first, user(cast["ada"]), expected_version=1)
        db.session.commit()
        second = draft_of(saved)
        second.summary = "Second edit, from the old form"
        with pytest.raises(services.StaleEdit) as raised:
            services.update_contract(saved, second, user(cast["mentor"]), expected_version=1)
        assert raised.value.status == 409 and raised.value.contract.version == 2
        assert "version 2" in raised.value.message


def test_the_version_column_stops_a_save_that_races_past_the_check(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        stale = db.session.get(Contract, contract_id)  # loaded at version 1
        with app.app_context():  # someone else saves version 2 meanwhile
            other = db.session.get(Contract, contract_id)
            edit = draft_of(other)
            edit.summary = "Saved first"
            services.update_contract(other, edit, user(cast["mentor"]), expected_version=1)
            db.session.commit()
        late = draft_of(stale)
        late.summary = "Saved second"
        with pytest.raises(services.StaleEdit):
            services.update_contract(stale, late, user(cast["ada"]), expected_version=1)
        assert db.session.get(Contract, contract_id).summary == "Saved first"


def test_claimer_sees_changes_since_claim_until_acknowledged(app, cast, user, contract):
    contract_id = contract(state="claimed")
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        assert not saved.changed_since_claim
        edit = draft_of(saved)
        edit.summary = "Clearer summary"
        revision = services.update_contract(saved, edit, user(cast["ada"]), expected_version=1)
        db.session.commit()
        assert revision.breaking is False
        assert saved.changed_since_claim and not saved.breaking_since_claim
        edit = draft_of(saved)
        edit.method = "POST"
        edit.request_example = "{}"
        revision = services.update_contract(saved, edit, user(cast["ada"]), expected_version=2)
        db.session.commit()
        assert revision.breaking and revision.breaking_reasons == [
            "The method changed from GET to POST: calls with GET fail.",
            "A request body is now required: calls without one are refused.",
        ]
        assert saved.breaking_since_claim
        with pytest.raises(Forbidden):
            lifecycle.acknowledge(contract_id, user(cast["hana"]), 3)
        acknowledged = lifecycle.acknowledge(contract_id, user(cast["gabriel"]), 3)
        db.session.commit()
        assert not acknowledged.changed_since_claim and not acknowledged.breaking_since_claim


def test_acknowledging_an_older_version_keeps_newer_changes_flagged(app, cast, user, contract):
    contract_id = contract(state="claimed")
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        for version, summary in [(1, "v2"), (2, "v3")]:
            edit = draft_of(saved)
            edit.summary = summary
            services.update_contract(saved, edit, user(cast["ada"]), expected_version=version)
            db.session.commit()
        seen = lifecycle.acknowledge(contract_id, user(cast["gabriel"]), 2)
        assert (seen.seen_version, seen.changed_since_claim) == (2, True)
        seen = lifecycle.acknowledge(contract_id, user(cast["gabriel"]), 99)
        assert (seen.seen_version, seen.changed_since_claim) == (3, False)


def test_a_new_claimer_starts_from_the_current_version(app, cast, user, contract):
    contract_id = contract(state="claimed")
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        edit = draft_of(saved)
        edit.path = "/api/v1/items/{id}"
        services.update_contract(saved, edit, user(cast["ada"]), expected_version=1)
        db.session.commit()
        lifecycle.unclaim(contract_id, user(cast["gabriel"]))
        reclaimed = lifecycle.claim(contract_id, user(cast["hana"]))
        db.session.commit()
        assert (reclaimed.claimer_id, reclaimed.seen_version) == (cast["hana"], 2)
        assert not reclaimed.changed_since_claim


def test_marking_implemented_twice_keeps_the_first_time(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        first = lifecycle.implement(contract_id, user(cast["ada"])).implemented_at
        db.session.commit()
        again = lifecycle.implement(contract_id, user(cast["mentor"])).implemented_at
        assert first is not None and again == first
        assert db.session.get(Contract, contract_id).version == 1  # not an edit


def test_deleting_removes_responses_revisions_and_comments(app, cast, user, contract):
    contract_id = contract()
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        edit = draft_of(saved)
        edit.summary = "x"
        services.update_contract(saved, edit, user(cast["ada"]), expected_version=1)
        services.add_comment(saved, user(cast["hana"]), "Question?")
        db.session.commit()
        services.delete_contract(saved, user(cast["ada"]))
        db.session.commit()
        assert [count(m) for m in (Contract, ContractResponse, Revision, Comment)] == [0, 0, 0, 0]


def test_an_author_cannot_delete_a_contract_claimed_after_the_check(
    app, cast, user, contract, monkeypatch
):
    contract_id = contract()
    with app.app_context():
        seen_open = db.session.get(Contract, contract_id)
        with app.app_context():
            lifecycle.claim(contract_id, user(cast["gabriel"]))
            db.session.commit()
        # The policy check ran before the claim landed; the DELETE's WHERE still sees it.
        monkeypatch.setattr(services.policy, "check", lambda *args: None)
        with pytest.raises(Conflict) as raised:
            services.delete_contract(seen_open, user(cast["ada"]))
        assert "Gabriel Nunes is building on this contract" in raised.value.message
        assert count(Contract) == 1


@pytest.mark.parametrize(
    ("body", "message"), [("   ", "Write a comment first."), ("x" * 5001, "under 5,000")]
)
def test_bad_comments_are_refused(app, cast, user, contract, body, message):
    contract_id = contract()
    with app.app_context(), pytest.raises(Invalid) as raised:
        services.add_comment(db.session.get(Contract, contract_id), user(cast["hana"]), body)
    assert message in raised.value.errors["body"]
