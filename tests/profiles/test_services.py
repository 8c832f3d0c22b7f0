"""Profile services, import planning and the read helpers, without HTTP."""

import pytest
from sqlalchemy import func, select

from nexus_board.errors import Invalid
from nexus_board.extensions import db
from nexus_board.models import Challenge, Learning, LearningKind, PendingImport, Topic, User
from nexus_board.profiles import queries, readme_import, services
from nexus_board.profiles.queries import snapshot
from nexus_board.profiles.readme import export_readme
from nexus_board.profiles.readme_import import replace_profile

TECH, CONCEPT = LearningKind.TECHNOLOGY, LearningKind.CONCEPT


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_topics_match_whatever_the_case_and_spacing(learner, make_user, app):
    services.add_learning(learner, kind=TECH, name="rest  apis", note="DRF")
    db.session.commit()
    other = db.session.get(User, make_user("brian"))
    services.add_learning(other, kind=TECH, name="REST APIs")
    services.add_learning(other, kind=TECH, name="Kubernetes")
    db.session.commit()
    assert count(Topic) == 2
    names = {t.key: t.name for t in db.session.scalars(select(Topic))}
    assert names == {"rest apis": "REST APIs", "kubernetes": "Kubernetes"}  # catalog spelling
    assert queries.top_technologies(5) == [("REST APIs", 2), ("Kubernetes", 1)]


def test_a_learner_lists_a_topic_once(learner):
    services.add_learning(learner, kind=TECH, name="Docker")
    with pytest.raises(Invalid) as caught:
        services.add_learning(learner, kind=CONCEPT, name="docker")
    assert caught.value.errors == {"name": "You already list “Docker” under technologies."}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"name": "Docker", "note": "n" * 501}, "note"),
    ],
)
def test_learning_errors_name_the_field(learner, values, field):
    with pytest.raises(Invalid) as caught:
        services.add_learning(learner, kind=TECH, **values)
    assert set(caught.value.errors) == {field}
    assert count(Learning) == 0


def test_challenge_tags_must_be_the_learners_own(learner, make_user):
    other = db.session.get(User, make_user("brian"))  # before this session writes
    mine = services.add_learning(learner, kind=TECH, name="Celery")
    theirs = services.add_learning(other, kind=TECH, name="Redis")
    db.session.flush()
    with pytest.raises(Invalid) as caught:
        services.add_challenge(learner, title="Retries", tag_ids=[mine.id, theirs.id])
    assert "tag_ids" in caught.value.errors
    challenge = services.add_challenge(
        learner, title="Retries", solution="Backoff", tag_ids=[mine.id]
    )
    db.session.commit()
    assert [t.name for t in challenge.tags] == ["Celery"]


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("github_url", "github.com/ada-okafor/", "https://github.com/ada-okafor"),
        ("github_url", "http://github.com/ada", "https://github.com/ada"),
        ("discord_handle", "@ada.okafor", "ada.okafor"),
    ],
)
def test_details_are_cleaned(learner, field, value, stored):
    profile = services.update_details(learner, **{field: value})
    assert getattr(profile, field) == stored


@pytest.mark.parametrize(
    ("field", "value"),
    [("github_url", "https://gitlab.com/ada"), ("github_url", "https://github.com/"),
     ("discord_handle", "a"), ("discord_handle", "has spaces in it")],
)  # fmt: skip
def test_bad_details_are_refused(learner, field, value):
    with pytest.raises(Invalid) as caught:
        services.update_details(learner, **{field: value})
    assert set(caught.value.errors) == {field}


def test_move_reorders_and_stops_at_the_ends(learner):
    a, b, c = (services.add_takeaway(learner, text=t) for t in "abc")
    db.session.flush()
    services.move_item(c, "up")
    services.move_item(a, "up")  # already first
    db.session.flush()
    assert snapshot(learner).takeaways == ["a", "c", "b"]
    with pytest.raises(Invalid):
        services.move_item(a, "sideways")


def test_learnings_move_within_their_own_kind(learner):
    services.add_learning(learner, kind=TECH, name="Python")
    services.add_learning(learner, kind=CONCEPT, name="Testing")
    django = services.add_learning(learner, kind=TECH, name="Django")
    db.session.flush()
    services.move_item(django, "up")
    data = snapshot(learner)
    assert [t.name for t in data.technologies] == ["Django", "Python"]
    assert [c.name for c in data.concepts] == ["Testing"]


def reference_source() -> str:
    from .test_readme import REFERENCE

    return REFERENCE.read_text(encoding="utf-8")


def test_import_waits_for_confirmation_then_applies(learner):
    services.add_takeaway(learner, text="Mine")
    services.add_learning(learner, kind=CONCEPT, name="Testing")
    pending = readme_import.start_import(learner, reference_source(), "README.md")
    db.session.commit()
    assert snapshot(learner).takeaways == ["Mine"]  # nothing applied yet
    plan = readme_import.plan_import(learner, pending)
    takeaways = next(p for p in plan.parts if p.name == "takeaways")
    assert [c.status for c in takeaways.changes] == ["new"] * 5 + ["removed"]
    concepts = next(p for p in plan.parts if p.name == "concepts")
    assert ("removed", "Testing") in [(c.status, c.label) for c in concepts.changes]
    readme_import.confirm_import(learner, pending)
    db.session.commit()
    data = snapshot(learner)
    assert len(data.technologies) == 6 and len(data.challenges) == 4
    assert count(PendingImport) == 0
    again = readme_import.start_import(learner, reference_source())
    assert not readme_import.plan_import(learner, again).changes_anything


def test_parts_missing_from_the_readme_are_kept(learner):
    services.update_details(learner, discord_handle="ada.okafor", overview="Old")
    services.add_learning(learner, kind=TECH, name="Go")
    pending = readme_import.start_import(learner, "## Overview\n\nNew words\n")
    readme_import.confirm_import(learner, pending)
    data = snapshot(learner)
    assert (data.overview, data.discord_handle) == ("New words", "ada.okafor")
    assert [t.name for t in data.technologies] == ["Go"]


def test_readme_tags_naming_no_learning_stay_in_the_solution(learner):
    readme = "## Challenges\n\n| Challenge | Solution | Related |\n|---|---|---|\n"
    readme += "| Slow | Cache | Redis |\n"
    readme_import.confirm_import(learner, readme_import.start_import(learner, readme))
    [challenge] = snapshot(learner).challenges
    assert challenge.tags == () and challenge.solution == "Cache\n\n**Related:** Redis"


def test_a_new_import_replaces_the_pending_one(learner):
    first = readme_import.start_import(learner, "# One\n").id
    db.session.commit()
    second = readme_import.start_import(learner, "# Two\n").id
    db.session.commit()
    assert list(db.session.scalars(select(PendingImport.id))) == [second] != [first]


def test_stored_profile_round_trips_through_its_readme(learner, make_user):
    services.update_details(learner, headline="Backend engineer", github_url="github.com/ada")
    python = services.add_learning(learner, kind=TECH, name="python", note="typing")
    services.add_learning(learner, kind=CONCEPT, name="Caching Strategies")
    db.session.flush()
    services.add_challenge(
        learner, title="1. Slow | pages", solution="Cache\n\n- a", tag_ids=[python.id]
    )
    services.add_takeaway(learner, text="Test **early**")
    services.add_section(learner, title="Overview", body="An extra section named like a part")
    db.session.commit()
    before = snapshot(learner)
    readme = export_readme(before, display_name=learner.display_name, track=learner.track)
    learner.name_key = None  # names are unique by look: let the twin take the same one
    db.session.commit()
    twin = db.session.get(User, make_user("twin", display_name="Ada Okafor"))
    replace_profile(twin, readme_import.parse(twin, readme).profile)
    db.session.commit()
    assert snapshot(twin) == before
    assert before.technologies[0].name == "Python"  # the catalog's spelling


def test_top_learnings_for_cards_in_one_query(learner, make_user, count_queries):
    other = db.session.get(User, make_user("brian"))
    for name in ("Python", "Django", "Docker", "Redis"):
        services.add_learning(learner, kind=TECH, name=name)
    services.add_learning(learner, kind=CONCEPT, name="Testing")
    services.add_learning(other, kind=CONCEPT, name="Testing")
    db.session.commit()
    ids = [learner.id, other.id]
    with count_queries() as statements:
        top = queries.top_learnings(ids, per_learner=3)
    assert len(statements) == 1
    assert top == {learner.id: ("Python", "Django", "Docker"), other.id: ("Testing",)}
    assert queries.top_topics(1, kind=CONCEPT) == [("Testing", 2)]


def test_deleting_a_learning_removes_its_tags(learner):
    docker = services.add_learning(learner, kind=TECH, name="Docker")
    db.session.flush()
    challenge = services.add_challenge(learner, title="Images", tag_ids=[docker.id])
    db.session.commit()
    services.delete_item(docker)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Challenge, challenge.id).tags == []
