"""The board's filters: read from the query string, applied to a query, written back to URLs."""

from dataclasses import asdict, dataclass

from sqlalchemy import Select, func, or_, select

from ..models import Contract, ContractTag, HttpMethod, Project

MAX_QUERY = 100
PERSONAL = ("claimed", "posted", "changed")


@dataclass(frozen=True)
class BoardFilters:
    q: str = ""
    project: str = ""  # a project's slug
    method: str = ""
    tag: str = ""
    claimed: bool = False  # claimed by me
    posted: bool = False  # posted by me
    changed: bool = False  # changed since I claimed it

    @classmethod
    def from_args(cls, args, *, signed_in: bool) -> "BoardFilters":
        """Lenient: a value that cannot match (an unknown method) is dropped, not a 400."""
        method = args.get("method", "").upper()
        flags = {name: signed_in and args.get(name) in ("1", "on", "true") for name in PERSONAL}
        return cls(
            q=" ".join(args.get("q", "").split())[:MAX_QUERY],
            project=args.get("project", "").strip()[:80],
            method=method if method in HttpMethod.__members__ else "",
            tag=args.get("tag", "").strip().lower()[:30],
            **flags,
        )

    def args(self) -> dict:
        """Only the filters in use, for `url_for` (so shared URLs stay short)."""
        return {k: ("1" if v is True else v) for k, v in asdict(self).items() if v}

    @property
    def active(self) -> bool:
        return bool(self.args())

    def apply(self, query: Select, viewer_id: int | None) -> Select:
        return query.where(*self.conditions(viewer_id))

    def conditions(self, viewer_id: int | None) -> list:
        found = [Contract.is_draft.is_(False)]  # drafts show only on their author's drafts page
        if self.q:
            found.append(
                or_(
                    Contract.path.icontains(self.q, autoescape=True),
                    Contract.summary.icontains(self.q, autoescape=True),
                )
            )
        if self.project:
            slug = select(Project.id).where(Project.slug == self.project).scalar_subquery()
            found.append(Contract.project_id == slug)
        if self.method:
            found.append(Contract.method == HttpMethod(self.method))
        if self.tag:
            found.append(Contract.tags.any(ContractTag.name == self.tag))
        if viewer_id is not None:
            if self.claimed:
                found.append(Contract.claimer_id == viewer_id)
            if self.posted:
                found.append(Contract.author_id == viewer_id)
            if self.changed:
                found += [
                    Contract.claimer_id == viewer_id,
                    Contract.version > func.coalesce(Contract.seen_version, 0),
                ]
        return found
