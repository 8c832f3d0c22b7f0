"""`flask nexus demo` seeds a stream of updates with tags and mentions, and one announcement."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Update


def test_demo_seeds_updates_and_mentors_pinned_announcement(app, runner):
    assert runner.invoke(args=["nexus", "demo"]).exit_code == 0
    with app.app_context():
        updates = db.session.scalars(select(Update)).all()
        pinned = [u for u in updates if u.pinned]
        assert len(updates) > 15
        assert [(u.author.username, u.announcement) for u in pinned] == [("mentor", True)]
        assert sum(bool(u.mentions) for u in updates) >= 5
        assert {"drf", "nextjs", "django"} <= {tag for u in updates for tag in u.tag_names}
        assert len({u.created_at.date() for u in updates}) > 7  # spread over days
