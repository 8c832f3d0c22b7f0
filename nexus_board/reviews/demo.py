"""Demo code reviews: one waiting, one in review, one done and thanked."""

from ..models import User
from . import lifecycle, services
from .policy import Action

LINK = "https://github.com/{}/project-nexus/pull/{}"


def seed_reviews(learners: dict[str, User]) -> None:
    def ask(who: str, number: int, title: str, focus: str, tags: str) -> int:
        made = services.request_review(learners[who], title=title, link=LINK.format(who, number),
                                       focus=focus, tags=tags)  # fmt: skip
        return made.id

    ask(
        "esi",
        3,
        "Celery retries for the payment webhook",
        "Is `autoretry_for` with backoff enough, or do I need idempotency keys?",
        "python, celery",
    )
    reviewing = ask("dawit", 5, "Caching trending movies in Redis",
                    "The cache key and its expiry in `views.py`.", "django, redis")  # fmt: skip
    lifecycle.move(reviewing, learners["farah"], Action.CLAIM)
    done = ask(
        "ada",
        9,
        "Order placement in one transaction",
        "`OrderSerializer.create`: can stock go negative?",
        "django, postgresql",
    )
    lifecycle.move(done, learners["brian"], Action.CLAIM)
    lifecycle.move(done, learners["brian"], Action.FINISH,
                   "Use `select_for_update()` on the stock rows, or a conditional UPDATE: "
                   "two checkouts can both read 1 left. The rest reads well.")  # fmt: skip
    lifecycle.move(done, learners["ada"], Action.THANK)
