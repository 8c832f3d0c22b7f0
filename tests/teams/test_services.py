"""Who is in a project and why, who may join, accept and edit, and the agreement's history."""

import pytest
from sqlalchemy import select

from nexus_board.errors import Conflict, Forbidden, Invalid
from nexus_board.extensions import db
from nexus_board.models import AgreementRevision, Notification, Project, User
from nexus_board.teams import queries, services

from ..board.factories import post


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


@pytest.fixture
def project(app, cast):
    """E-commerce API: ada posted a contract, gabriel claimed it (an app context stays open)."""
    with app.app_context():
        post(cast["ada"], state="claimed", claimer_id=cast["gabriel"])
        yield db.session.scalar(select(Project))


def names(found: dict) -> dict:
    return {track: [(m.user.username, m.roles) for m in people] for track, people in found.items()}


def test_members_are_who_posted_or_claimed_a_contract(project):
    assert names(queries.members(project)) == {
        "backend": [("ada", ["posted contracts"])],
        "frontend": [("gabriel", ["claimed contracts"])],
    }


def test_someone_who_asked_joins_once_a_member_accepts(project):
    services.ask_to_join(project, user("hana"))
    db.session.commit()
    assert "hana" not in str(names(queries.members(project)))
    with pytest.raises(Forbidden):
        services.accept(project, user("hana").id, user("brian"))  # brian is no member
    services.accept(project, user("hana").id, user("gabriel"))
    db.session.commit()
    assert ("hana", ["joined"]) in names(queries.members(project))["frontend"]
    told = db.session.scalars(select(Notification).where(Notification.user_id == user("hana").id))
    assert [row.activity.verb for row in told] == ["project.joined"]
    with pytest.raises(Conflict, match="already a member"):
        services.ask_to_join(project, user("hana"))
    with pytest.raises(Conflict, match="already in the team"):
        services.accept(project, user("hana").id, user("ada"))


def test_members_cannot_ask_again_and_nobody_asks_twice(project):
    with pytest.raises(Conflict):
        services.ask_to_join(project, user("ada"))
    services.ask_to_join(project, user("brian"))
    with pytest.raises(Conflict, match="asked to join already"):
        services.ask_to_join(project, user("brian"))


def test_only_members_and_admins_edit_the_details(project):
    fields = {"description": "A shop", "repository_url": "https://github.com/ada/shop",
              "looking_for": "frontend"}  # fmt: skip
    with pytest.raises(Forbidden):
        services.edit_details(project, user("brian"), **fields)
    services.edit_details(project, user("gabriel"), **fields)
    services.edit_details(project, user("mentor"), **(fields | {"looking_for": "backend"}))
    assert [p.name for p in queries.looking_for_partner(10, "backend")] == ["E-commerce API"]
    for field, value in [("repository_url", "ftp://x"), ("looking_for", "designer"),
                         ("description", "x" * 5001)]:  # fmt: skip
        with pytest.raises(Invalid) as refused:
            services.edit_details(project, user("ada"), **(fields | {field: value}))
        assert field in refused.value.errors


def test_the_agreement_is_revisioned_and_a_stale_save_is_refused(project):
    services.edit_agreement(project, user("ada"), "Channel: #shop", 0)
    services.edit_agreement(project, user("gabriel"), "Channel: #shop-team", 1)
    db.session.commit()
    with pytest.raises(Conflict, match="since you opened it"):
        services.edit_agreement(project, user("ada"), "Channel: #old", 1)
    db.session.rollback()
    rows = db.session.scalars(select(AgreementRevision).order_by(AgreementRevision.version))
    assert [(r.version, r.before, r.after) for r in rows] == [
        (1, "", "Channel: #shop"),
        (2, "Channel: #shop", "Channel: #shop-team"),
    ]
    with pytest.raises(Forbidden):
        services.edit_agreement(project, user("hana"), "mine", 2)


def test_a_profile_lists_projects_and_roles(project):
    assert [(p.name, roles) for p, roles in queries.projects_of(user("gabriel"))] == [
        ("E-commerce API", ["claimed contracts"])
    ]
    assert queries.projects_of(user("hana")) == []
