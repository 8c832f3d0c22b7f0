"""The feed's filters: read from the query string (?tag=&learner=), written back to URLs."""

from dataclasses import dataclass

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from ..errors import DomainError, NotFound
from ..extensions import db
from ..models import User
from .forms import FeedFilterForm


@dataclass(frozen=True)
class Filters:
    tag: str | None = None
    author: User | None = None

    @property
    def empty(self) -> bool:
        return self.tag is None and self.author is None

    def as_args(self) -> dict[str, str]:
        """The query string arguments naming these filters (?tag=&learner=)."""
        args = {"tag": self.tag, "learner": self.author.username if self.author else None}
        return {name: value for name, value in args.items() if value}


def read_filters(args: MultiDict) -> tuple[FeedFilterForm, Filters | None]:
    """The filter form and the filters it names (None while the form has errors)."""
    form = FeedFilterForm(formdata=args)
    if not form.validate():
        return form, None
    return form, Filters(tag=form.tag.data, author=_learner(form.learner.data))


def filters_from(args: MultiDict) -> Filters:
    """The filters in `args` (?tag=&learner=), or a 400/404 saying what is wrong."""
    form, filters = read_filters(args)
    if filters is None:
        raise DomainError(" ".join(form.tag.errors + form.learner.errors))
    return filters


def _learner(username: str | None) -> User | None:
    if not username:
        return None
    user = db.session.scalar(select(User).where(User.username == username.lower()))
    if user is None:
        raise NotFound(f"There is no learner called {username!r}.")
    return user
