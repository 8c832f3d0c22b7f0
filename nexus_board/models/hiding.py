"""Hiding: an item taken out of public view, by whom, when and why; nothing of it is erased.

Contracts (a contract its project cannot document, or one an admin hid), updates, comments,
replies and review requests use it; any item an admin moderates takes the same mixin: three
columns and who hid it.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .types import UTCDateTime
from .user import User


class HidingFacts:
    """What a page says of a hidden item, from `hidden_by` (a `User`, or anything with its
    `display_name` and `is_admin`): shared by the models and the board's plain card rows."""

    __slots__ = ()

    @property
    def hider_name(self) -> str:
        """Who hid it, as the page says it: "Hidden by <name>"."""
        return self.hidden_by.display_name if self.hidden_by else "someone"

    @property
    def hidden_by_admin(self) -> bool:
        return self.hidden_by is not None and self.hidden_by.is_admin


class Hideable(HidingFacts):
    """Mixin: `hidden_at` is None while the item shows. The reason's length is a limit
    (limits.HIDDEN_REASON_CHARS) checked by the services, so the column does not repeat it."""

    # Indexed: lists leave hidden items out by looking up the few hidden ones.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    hidden_reason: Mapped[str | None] = mapped_column(Text)

    @declared_attr
    def hidden_by(cls) -> Mapped[User | None]:
        return relationship(User, foreign_keys=f"{cls.__name__}.hidden_by_id")

    @classmethod
    def shown(cls):
        """SQL: the rows everyone sees (none hidden)."""
        return cls.hidden_at.is_(None)

    def shows_to(self, user, author_id: int) -> bool:
        """Whether `user` sees it: everyone while it shows, then its author and admins only."""
        if self.hidden_at is None:
            return True
        return user.is_authenticated and (user.id == author_id or user.is_admin)
