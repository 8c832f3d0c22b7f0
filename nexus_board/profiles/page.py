"""What a profile page shows, loaded only when a template asks for it: a fragment that shows
one row never loads the rest of the page."""

from functools import cached_property

from flask_login import current_user
from sqlalchemy import Select, and_, bindparam, func, literal_column, select, union_all
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..models import Challenge, ExtraSection, Learning, Profile, Takeaway, User
from ..models.profile import challenge_tags
from ..reviews.queries import ReviewCounts
from ..teams import queries as teams
from ..updates import queries as updates
from ..updates.filters import Filters
from .item_lists import LISTS, ItemList
from .lookup import Collaboration, collaboration_of
from .topics import suggestions

LATEST_UPDATES = 5


class ProfilePage:
    def __init__(
        self,
        learner: User,
        details: Profile | None = None,
        collaboration: Collaboration | None = None,
    ):
        self.learner = learner
        if details is not None:  # read with the learner
            self.details = details
        if collaboration is not None:  # read with the learner too
            self.collaboration = collaboration
        self.lists = list(LISTS.values())
        self.editing: tuple[str, int] | None = None  # (list key, item id) shown as a form
        self.forms: dict = {}  # forms that failed, by list key (add) or (key, id) (edit)
        self.focus: tuple[str, int, str] | None = None  # the button to focus after a swap
        self.opened: str | None = None  # the list whose add form stays open
        self.details_form = None

    def bind(self, lst: ItemList, prefix: str):
        """The form for `lst` filled from the request."""
        form = lst.form(prefix=prefix)
        self._choices(form)
        return form

    def add_form(self, lst: ItemList):
        form = self.forms.get(lst.key)
        if form is None:
            form = self._choices(lst.form(formdata=None, prefix=f"new-{lst.key}"))
        return form

    def edit_form(self, lst: ItemList, item):
        form = self.forms.get((lst.key, item.id))
        if form is None:
            tags = [t.id for t in getattr(item, "tags", ())]
            form = lst.form(formdata=None, obj=item, prefix=f"{lst.key}-{item.id}", tag_ids=tags)
            self._choices(form)
        return form

    def _choices(self, form):
        if "tag_ids" in form:
            form.tag_ids.choices = self.tag_choices()
        return form

    def is_editing(self, lst: ItemList, item) -> bool:
        return self.editing == (lst.key, item.id)

    def focused(self, lst_key: str, item_id: int, button: str) -> bool:
        return self.focus == (lst_key, item_id, button)

    def neighbours(self, lst: ItemList, item) -> tuple[bool, bool]:
        """Whether `item` is first and last in its list (its move buttons are then off)."""
        ids = [each.id for each in self.items(lst)]
        return (not ids or ids[0] == item.id, not ids or ids[-1] == item.id)

    def after(self, lst: ItemList, item) -> int | None:
        """The item that takes `item`'s place when it goes: the next one, else the one before."""
        ids = [each.id for each in self.items(lst)]
        index = ids.index(item.id)
        rest = ids[index + 1 :] + ids[:index][::-1]
        return rest[0] if rest else None

    @cached_property
    def editable(self) -> bool:
        return current_user.is_authenticated and current_user.id == self.learner.id

    @cached_property
    def details(self) -> Profile:
        return db.session.get(Profile, self.learner.id) or Profile(user_id=self.learner.id)

    @property
    def learnings(self) -> list[Learning]:
        return self._items["learnings"]

    @cached_property
    def _items(self) -> dict[str, list]:
        """Every list, in one statement: one row per item (per tag of a challenge)."""
        found = {"learnings": {}, "challenges": {}, "takeaways": {}, "sections": {}}
        tagged: dict[Challenge, list[int]] = {}
        for learning, challenge, tag_id, takeaway, section in db.session.execute(
            _ITEMS, {"user_id": self.learner.id}
        ):
            if challenge is not None:
                tagged.setdefault(challenge, [])
                if tag_id is not None:
                    tagged[challenge].append(tag_id)
            for key, item in (("learnings", learning), ("takeaways", takeaway)):
                if item is not None:
                    found[key][item.id] = item
            if section is not None:
                found["sections"][section.id] = section
        learnings = found["learnings"]
        for challenge, tag_ids in tagged.items():
            # The tags are the learner's own learnings (the services allow no other): read
            # beside each challenge, not loaded again.
            tags = sorted((learnings[i] for i in tag_ids), key=lambda t: (t.position, t.id))
            set_committed_value(challenge, "tags", tags)  # as loaded: no change to write
            found["challenges"][challenge.id] = challenge
        return {key: list(items.values()) for key, items in found.items()}

    def forget_items(self) -> None:
        """Read the lists again when next asked (after a write that adds to one)."""
        self.__dict__.pop("_items", None)

    def items(self, lst: ItemList) -> list:
        if lst.kind is not None:
            return [item for item in self.learnings if item.kind is lst.kind]
        return self._items[lst.key]

    def tag_choices(self) -> list[tuple[int, str]]:
        return [(learning.id, learning.name) for learning in self.learnings]

    def suggestions(self, lst: ItemList) -> list[str]:
        if lst.kind is None:
            return []
        listed = {learning.topic.key for learning in self.learnings}
        return [name for name in suggestions(lst.kind) if name.casefold() not in listed]

    @cached_property
    def _latest(self) -> tuple[list, dict]:
        return updates.newest(Filters(author=self.learner), LATEST_UPDATES)

    @property
    def updates(self) -> list:
        """The learner's latest few updates, newest first (the page links to all of them)."""
        return self._latest[0]

    @property
    def contract_links(self) -> dict:
        return self._latest[1]

    @cached_property
    def collaboration(self) -> Collaboration:
        """Accepted answers, reviews given and received: three counts, one statement."""
        return collaboration_of(self.learner)

    @property
    def accepted_answers(self) -> int:
        return self.collaboration.accepted_answers

    @property
    def reviews(self) -> ReviewCounts:
        return self.collaboration.reviews

    @cached_property
    def projects(self) -> list:
        """(project, roles) for each project the learner is in."""
        return teams.projects_of(self.learner)

    @cached_property
    def is_empty(self) -> bool:
        details = self.details
        filled = details.overview or details.project_focus or details.headline
        return not filled and not self.learnings and not any(self._items.values())


# The page's statements are built once, the learner bound per call: building and keying one
# cost more than running it.


def _items_statement() -> Select:
    """A learner's learnings, challenges with their tags' ids, takeaways and sections: each
    row holds one of them, in list order then each list's own."""
    user_id = bindparam("user_id")
    models = (Learning, Challenge, Takeaway, ExtraSection)
    spine = union_all(
        *(
            select(literal_column(str(kind)).label("kind"), model.id.label("id")).where(
                model.user_id == user_id
            )
            for kind, model in enumerate(models)
        )
    ).subquery()
    query = select(Learning, Challenge, challenge_tags.c.learning_id, Takeaway, ExtraSection)
    # Outer: the topic's join must not drop the rows that hold no learning.
    query = query.select_from(spine).options(joinedload(Learning.topic, innerjoin=False))
    for kind, model in enumerate(models):
        on = and_(spine.c.kind == literal_column(str(kind)), model.id == spine.c.id)
        query = query.outerjoin(model, on)
    position = func.coalesce(*(model.position for model in models))
    return query.outerjoin(challenge_tags, challenge_tags.c.challenge_id == Challenge.id).order_by(
        spine.c.kind, position, spine.c.id
    )


_ITEMS = _items_statement()


def related_challenges(item) -> list[Challenge]:
    """The challenges tagged with a learning: their rows change when the learning does."""
    if not isinstance(item, Learning):
        return []
    query = (
        select(Challenge)
        .join(challenge_tags, challenge_tags.c.challenge_id == Challenge.id)
        .where(challenge_tags.c.learning_id == item.id)
        .order_by(Challenge.position, Challenge.id)
    )
    return list(db.session.scalars(query))
