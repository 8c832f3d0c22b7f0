"""The five lists on a profile, described once so one set of views edits all of them."""

from dataclasses import dataclass
from typing import Any

from flask_wtf import FlaskForm

from ..models import Challenge, ExtraSection, Learning, LearningKind, Takeaway, User
from . import services
from .forms import ChallengeForm, LearningForm, SectionForm, TakeawayForm

TECHNOLOGY, CONCEPT = LearningKind.TECHNOLOGY, LearningKind.CONCEPT


@dataclass(frozen=True)
class ItemList:
    key: str  # URL segment and element id
    title: str
    noun: str
    model: Any
    form: type[FlaskForm]
    fields: tuple[str, ...]
    empty: str
    kind: LearningKind | None = None

    def add(self, owner: User, values: dict):
        if self.model is Learning:
            return services.add_learning(owner, kind=self.kind, **values)
        adders = {
            Challenge: services.add_challenge,
            Takeaway: services.add_takeaway,
            ExtraSection: services.add_section,
        }
        return adders[self.model](owner, **values)

    def update(self, item, values: dict):
        updaters = {
            Learning: services.update_learning,
            Challenge: services.update_challenge,
            Takeaway: services.update_takeaway,
            ExtraSection: services.update_section,
        }
        return updaters[self.model](item, **values)

    def values(self, form: FlaskForm) -> dict:
        return {name: form[name].data or ([] if name == "tag_ids" else "") for name in self.fields}

    def label(self, item) -> str:
        """How an item is named in buttons and messages."""
        text = getattr(item, "name", None) or getattr(item, "title", None) or item.text
        return text if len(text) <= 60 else text[:57] + "…"

    def owns(self, item) -> bool:
        return self.kind is None or item.kind is self.kind


LISTS = {
    lst.key: lst
    for lst in (
        ItemList(
            "technologies", "Technologies", "technology", Learning, LearningForm,
            ("name", "note"), "No technologies listed yet.", TECHNOLOGY,
        ),
        ItemList(
            "concepts", "Concepts", "concept", Learning, LearningForm,
            ("name", "note"), "No concepts listed yet.", CONCEPT,
        ),
        ItemList(
            "challenges", "Challenges & solutions", "challenge", Challenge, ChallengeForm,
            ("title", "solution", "tag_ids"), "No challenges written up yet.",
        ),
        ItemList(
            "takeaways", "Best practices & takeaways", "takeaway", Takeaway, TakeawayForm,
            ("text",), "No takeaways yet.",
        ),
        ItemList(
            "sections", "More", "section", ExtraSection, SectionForm,
            ("title", "body"), "No extra sections yet.",
        ),
    )
}  # fmt: skip
LIST_KEYS = ",".join(LISTS)
