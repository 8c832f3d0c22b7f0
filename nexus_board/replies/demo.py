"""Demo questions: one answered and accepted, one still open, written through the services."""

from ..models import User
from ..updates.services import post_update
from . import services


def seed_questions(learners: dict[str, User]) -> None:
    asked = post_update(learners["hana"], "How do you page a list so new posts do not shift "
                        "it? #react-query", question=True)  # fmt: skip
    services.add_reply(asked, learners["gabriel"], "Offset pages shift; ask for a cursor.")
    answer = services.add_reply(asked, learners["chioma"], "`/api/feed` returns `next_cursor`: "
                                "pass it back as `?cursor=` and nothing shifts.")  # fmt: skip
    services.accept(answer, learners["hana"])
    open_one = post_update(learners["joy"], "Which auth header does the feed mock expect? "
                           "#auth", question=True)  # fmt: skip
    services.add_reply(open_one, learners["kofi"], "I think `Authorization: Bearer`, not sure.")
