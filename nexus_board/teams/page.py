"""What a project's page shows, read only when the template asks for it."""

from functools import cached_property

from flask_login import current_user

from ..board.revisions import diff_lines, is_short
from . import queries, services
from .forms import AgreementForm, DetailsForm


class ProjectPage:
    def __init__(self, project, **forms):
        self.project = project
        self.forms = forms  # forms that failed, by name, shown with their errors

    @cached_property
    def viewer(self):
        return current_user if current_user.is_authenticated else None

    @cached_property
    def is_member(self) -> bool:
        return queries.is_member(self.viewer, self.project)

    @cached_property
    def may_edit(self) -> bool:
        return self.is_member or bool(self.viewer and self.viewer.is_admin)

    @cached_property
    def asked(self) -> bool:
        """The viewer asked to join and waits for a member."""
        return bool(self.viewer) and queries.membership(self.viewer.id, self.project.id) is not None

    @cached_property
    def members(self):
        return queries.members(self.project)

    @cached_property
    def waiting(self):
        return queries.waiting(self.project) if self.may_edit else []

    @cached_property
    def contracts(self):
        return queries.contracts_by_status(self.project)

    @cached_property
    def history(self):
        return queries.history(self.project)

    # The history reads like a contract's (board/_changes.html).
    diff_lines = staticmethod(diff_lines)
    is_short = staticmethod(is_short)

    def changes(self, revision) -> list[dict]:
        return [{"label": "Working agreement", "old": revision.before, "new": revision.after}]

    @cached_property
    def details_form(self):
        return self.forms.get("details") or DetailsForm(
            formdata=None, obj=self.project, looking_for=self.project.looking_for or ""
        )

    @cached_property
    def agreement_form(self):
        text = self.project.agreement or services.STARTER
        version = self.project.agreement_version
        return self.forms.get("agreement") or AgreementForm(
            formdata=None, agreement=text, version=version
        )
