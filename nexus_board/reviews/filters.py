"""The review board's filters (?mine=1&reviewing=1&tag=), read leniently, written back to URLs."""

from dataclasses import asdict, dataclass

from ..models import ReviewRequest, ReviewTag
from ..models.review import TAG_CHARS


@dataclass(frozen=True)
class ReviewFilters:
    mine: bool = False  # asked for by me
    reviewing: bool = False  # claimed by me
    tag: str = ""

    @classmethod
    def from_args(cls, args, *, signed_in: bool) -> "ReviewFilters":
        """A filter that cannot apply (personal ones for visitors) is dropped, not a 400."""
        flag = {
            name: signed_in and args.get(name) in ("1", "on", "true")
            for name in ("mine", "reviewing")
        }
        return cls(tag=args.get("tag", "").strip().lower()[:TAG_CHARS], **flag)

    def args(self) -> dict:
        """Only the filters in use, for `url_for` (so shared URLs stay short)."""
        return {k: ("1" if v is True else v) for k, v in asdict(self).items() if v}

    @property
    def active(self) -> bool:
        return bool(self.args())

    def conditions(self, viewer_id: int | None) -> list:
        found = []
        if self.tag:
            found.append(ReviewRequest.tags.any(ReviewTag.name == self.tag))
        if self.mine:
            found.append(ReviewRequest.requester_id == viewer_id)
        if self.reviewing:
            found.append(ReviewRequest.reviewer_id == viewer_id)
        return found
