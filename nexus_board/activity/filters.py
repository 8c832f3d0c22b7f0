"""/activity's filters (?project=&learner=&kind=&contract=), read from and written back to URLs.

A filter that names nothing known is an error shown next to its field (a 400), never a 500.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from ..extensions import db
from ..models import Project, User
from ..numbers import whole_number
from .verbs import WORDING


@dataclass
class ActivityFilters:
    project: Project | None = None
    learner: User | None = None
    kind: str = ""
    contract: int | None = None
    typed: dict[str, str] = field(default_factory=dict)  # what the form shows back
    errors: dict[str, str] = field(default_factory=dict)

    def as_args(self) -> dict[str, str]:
        """The query string naming these filters."""
        args = {
            "project": self.project.slug if self.project else None,
            "learner": self.learner.username if self.learner else None,
            "kind": self.kind or None,
            "contract": str(self.contract) if self.contract else None,
        }
        return {name: value for name, value in args.items() if value}

    @property
    def empty(self) -> bool:
        return not self.as_args()


def read_filters(args: MultiDict) -> ActivityFilters:
    found = ActivityFilters()
    typed = {name: args.get(name, "").strip()[:80] for name in ("project", "learner", "kind")}
    typed["contract"] = args.get("contract", "").strip()[:12]
    found.typed = typed
    if typed["project"]:
        found.project = db.session.scalar(select(Project).where(Project.slug == typed["project"]))
        if found.project is None:
            found.errors["project"] = "There is no project by that name."
    if typed["learner"]:
        username = typed["learner"].lower().removeprefix("@")
        found.learner = db.session.scalar(select(User).where(User.username == username))
        if found.learner is None:
            found.errors["learner"] = f"There is no learner called “{typed['learner']}”."
    if typed["kind"]:
        if typed["kind"] in {verb.value for verb in WORDING}:
            found.kind = typed["kind"]
        else:
            found.errors["kind"] = "Choose a kind from the list."
    if typed["contract"]:
        found.contract = whole_number(typed["contract"], low=1)
        if found.contract is None:
            found.errors["contract"] = "A contract is named by its number."
    return found
