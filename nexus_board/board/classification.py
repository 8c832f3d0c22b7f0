"""The change classifier's word on one edit of a contract, as a revision keeps it."""

from dataclasses import dataclass
from datetime import UTC, datetime

from ..classifier import Change, Severity, classify, most_severe
from .operations import effective
from .specs import ContractSpec


@dataclass(frozen=True)
class Edit:
    changes: list[Change]  # most severe first

    @property
    def severity(self) -> str | None:
        found = most_severe(self.changes)
        return None if found is None else str(found)

    @property
    def breaking(self) -> bool:
        return self.severity == Severity.BREAKING

    @property
    def breaking_sentences(self) -> list[str]:
        return [c.sentence for c in self.changes if c.severity is Severity.BREAKING]

    @property
    def alarming(self) -> list[Change]:
        """The breaking and possibly breaking changes: what a claimer must read first."""
        return [c for c in self.changes if c.severity is not Severity.SAFE]

    def as_dicts(self) -> list[dict]:
        return [change.as_dict() for change in self.changes]


def classify_edit(old: ContractSpec, new: ContractSpec) -> Edit:
    """Every change from `old` to `new` (sunset dates judged by today's date, in UTC)."""
    today = datetime.now(UTC).date()
    return Edit(classify(effective(old).operation, effective(new).operation, today))
