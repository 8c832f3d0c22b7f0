"""`flask nexus demo` seeds questions, code reviews in every state, and a team or two."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Membership, Project, Reply, ReviewRequest, ReviewStatus, Update


def test_demo_seeds_questions_reviews_and_teams(app, runner):
    assert runner.invoke(args=["nexus", "demo"]).exit_code == 0
    with app.app_context():
        questions = db.session.scalars(select(Update).where(Update.question.is_(True))).all()
        assert len(questions) == 2
        assert db.session.scalar(select(db.func.count()).where(Reply.accepted.is_(True))) == 1
        states = set(db.session.scalars(select(ReviewRequest.status)))
        assert states == set(ReviewStatus)
        looking = db.session.scalars(select(Project.name).where(Project.looking_for.is_not(None)))
        assert list(looking) == ["Movie Recommendation API"]
        assert db.session.scalar(select(db.func.count()).select_from(Membership)) == 1
