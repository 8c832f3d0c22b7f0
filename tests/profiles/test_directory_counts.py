"""The directory's count of matches, kept per process under the directory's version."""

import pytest
from sqlalchemy import select, update

from nexus_board.auth import services as accounts
from nexus_board.auth.deletion import delete_account
from nexus_board.extensions import db
from nexus_board.models import KeptVersion, Learning, LearningKind, User
from nexus_board.profiles import directory, services

from ..board.factories import post
from ..conftest import PASSWORD


def total(text: str = "django") -> int:
    return directory.page_of(text, None, 1, 24)[1]


def person(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def version() -> int | None:
    return db.session.scalar(select(KeptVersion.version).where(KeptVersion.name == "directory"))


@pytest.fixture
def django(app, cast):
    with app.app_context():
        services.add_learning(person("ada"), kind=LearningKind.TECHNOLOGY, name="Django")
        db.session.commit()
    return cast


def test_every_write_that_could_change_a_count_moves_it(app, django):
    with app.app_context():
        assert total() == 1
        services.add_learning(person("brian"), kind=LearningKind.TECHNOLOGY, name="Django")
        db.session.commit()
        assert total() == 2  # a learning
        accounts.register(
            username="djangonaut", display_name="Dee", password=PASSWORD, track="backend"
        )
        db.session.commit()
        assert total() == 3  # a learner, by username
        learning = db.session.scalar(select(Learning).where(Learning.user_id == person("brian").id))
        services.delete_item(learning)
        db.session.commit()
        assert total() == 2  # a learning gone
        delete_account(person("djangonaut"), confirm="djangonaut")
        db.session.commit()
        assert total() == 1  # a learner gone


def test_the_kept_count_is_used_while_the_version_stands(app, django):
    with app.app_context():
        assert total() == 1
        counts = directory._counts()
        seen, _ = counts[("django", None)]
        counts[("django", None)] = (seen, 41)  # what only the kept value could say
        assert total() == 41  # not counted again
        db.session.execute(
            update(User).where(User.username == "hana").values(display_name="Django Hana")
        )
        db.session.commit()  # a write past the services moves the version too
        assert version() > seen
        assert total() == 1  # counted again: Hana's sort name did not change with it


def test_board_writes_leave_the_directory_version_alone(app, django):
    with app.app_context():
        before = version()
        post(django["ada"])
        assert version() == before


def test_a_rolled_back_write_does_not_move_the_version(app, django):
    with app.app_context():
        before = version()
        services.add_learning(person("hana"), kind=LearningKind.TECHNOLOGY, name="Django")
        db.session.rollback()
        assert version() == before and total() == 1
