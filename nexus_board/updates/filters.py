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
    show: str | None = None  # "questions", or "unanswered" questions only

    @property
    def empty(self) -> bool:
        return self.tag is None and self.author is None and self.show is None

    def as_args(self) -> dict[str, str]:
        """The query string arguments naming these filters (?tag=&learner=&show=)."""
        args = {"tag": self.tag, "learner": self.author.username if self.author else None}
        args["show"] = self.show
        return {name: value for name, value in args.items() if value}


def read_filters(args: MultiDict) -> tuple[FeedFilterForm, Filters | None]:
    """The filter form and the filters it names (None while the form has errors)."""
    form = FeedFilterForm(formdata=args)
    if not form.validate():
        return form, None
    learner = _learner(form.learner.data)
    return form, Filters(tag=form.tag.data, author=learner, show=form.show.data or None)


def filters_from(args: MultiDict) -> Filters:
    """The filters in `args` (?tag=&learner=), or a 400/404 saying what is wrong."""
    form, filters = read_filters(args)
    if filters is None:
        raise DomainError(" ".join(form.tag.errors + form.learner.errors + form.show.errors))
    return filters


def _learner(username: str | None) -> User | None:
    if not username:
        return None
    user = db.session.scalar(select(User).where(User.username == username.lower(), User.listed()))
    if user is None:
        raise NotFound(f"There is no learner called {username!r}.")
    return user
