"""Contract and comment forms. They carry input; `specs.clean` and the services check the rules,
so every message comes from one place and lands next to its field."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional

from ..errors import DomainError
from ..forms import show_errors
from ..limits import HIDDEN_REASON_CHARS
from ..models import HttpMethod
from ..numbers import whole_number
from .specs import MAX_RESPONSES, ContractDraft, ResponseDraft


class ResponseForm(Form):
    status_code = StringField("Status code", render_kw={"inputmode": "numeric", "size": 4})
    description = StringField("Description", description="Blank: the standard phrase, like OK.")
    example = TextAreaField("Example body (JSON)", render_kw={"class": "code", "rows": 6})
    schema = TextAreaField(
        "Schema (JSON or YAML, optional)",
        description="A JSON Schema the example must satisfy. Blank: inferred from the example.",
        render_kw={"class": "code", "rows": 4, "spellcheck": "false"},
    )
    examples = TextAreaField(
        "More named examples (JSON, optional)",
        description='For the mock\'s Prefer: example=<name>, like {"missing": {"detail": "…"}}.',
        render_kw={"class": "code", "rows": 3, "spellcheck": "false"},
    )


class ContractForm(FlaskForm):
    project = StringField(
        "Project",
        description="Pick an existing project or name a new one, like E-commerce API.",
        render_kw={"list": "project-names", "autocomplete": "off"},
    )
    method = SelectField("Method", choices=[m.value for m in HttpMethod])
    path = StringField(
        "Path",
        description="Starts with /; path parameters in braces: /api/v1/products/{id}",
        render_kw={"class": "code", "spellcheck": "false", "autocomplete": "off"},
    )
    summary = StringField("Summary", description="One line: what the endpoint does.")
    description = TextAreaField(
        "Description (Markdown, optional)",
        description="Query parameters, errors, rules a frontend should know.",
        render_kw={"rows": 5},
    )
    auth_required = BooleanField("Requires authentication")
    request_example = TextAreaField(
        "Request body example (JSON)",
        description="Required for POST, PUT and PATCH.",
        render_kw={"class": "code", "rows": 6, "spellcheck": "false"},
    )
    request_schema = TextAreaField(
        "Request body schema (JSON or YAML, optional)",
        description="A JSON Schema the request example must satisfy. Blank: inferred from it.",
        render_kw={"class": "code", "rows": 4, "spellcheck": "false"},
    )
    parameters = TextAreaField(
        "Parameters in the URL or headers (JSON or YAML, optional)",
        description='A list: [{"name": "page", "in": "query", "schema": {"type": "integer"}}].',
        render_kw={"class": "code", "rows": 3, "spellcheck": "false"},
    )
    components = TextAreaField(
        "Named schemas (JSON or YAML, optional)",
        description='Schemas the others refer to as {"$ref": "#/components/schemas/Product"}.',
        render_kw={"class": "code", "rows": 3, "spellcheck": "false"},
    )
    tags = StringField(
        "Tags (optional)",
        description="Comma-separated, like products, catalog; up to 8, of 30 characters each.",
    )
    deprecated = BooleanField("Deprecated", description="Frontends should move off it.")
    sunset = StringField(
        "Sunset date (optional)",
        description="When it will be removed, like 2027-06-30. Only for a deprecated contract.",
        render_kw={"type": "date"},
    )
    deprecation_note = StringField(
        "Deprecation note (optional)", description="What to use instead, in a line."
    )
    dispatch = TextAreaField(
        "Mock dispatch rules (JSON, optional)",
        description='Pick the mock\'s answer from the request: [{"in": "path", "name": "id", '
        '"equals": "0", "status": 404, "example": "missing"}]. The first match wins.',
        render_kw={"class": "code", "rows": 3, "spellcheck": "false"},
    )
    responses = FieldList(FormField(ResponseForm), min_entries=1, max_entries=MAX_RESPONSES)
    version = IntegerField(widget=HiddenField.widget, validators=[Optional()])
    post_token = HiddenField()  # the new-contract form's (post_tokens.py); blank when editing

    def draft(self) -> ContractDraft:
        return ContractDraft(
            project=self.project.data or "",
            method=self.method.data or "",
            path=self.path.data or "",
            summary=self.summary.data or "",
            description=self.description.data or "",
            auth_required=bool(self.auth_required.data),
            request_example=self.request_example.data or "",
            tags=self.tags.data or "",
            responses=[
                ResponseDraft(
                    row.status_code.data,
                    row.description.data or "",
                    row.example.data or "",
                    row.schema.data or "",
                    row.examples.data or "",
                )
                for row in (entry.form for entry in self.responses)
            ],
            request_schema=self.request_schema.data or "",
            parameters=self.parameters.data or "",
            components=self.components.data or "",
            deprecated=bool(self.deprecated.data),
            sunset=self.sunset.data or "",
            deprecation_note=self.deprecation_note.data or "",
            dispatch=self.dispatch.data or "",
        )

    def edit_rows(self, formdata) -> bool:
        """Add or remove a response row if that is what was asked; True if it was."""
        if "add_response" in formdata:
            if len(self.responses) < MAX_RESPONSES:
                self.responses.append_entry()
            return True
        if "remove_response" not in formdata:
            return False
        # A made-up row number ("²", "-1", 10**9) removes nothing: the form comes back as it was.
        remove = whole_number(formdata.get("remove_response"), high=len(self.responses) - 1)
        if remove is not None and len(self.responses) > 1:
            self.responses.entries.pop(remove)
        return True

    def show_errors(self, error: DomainError) -> None:
        """Messages by field and row; the one about the list as a whole above its rows."""
        errors = dict(error.errors)
        self.responses_errors = [errors.pop("responses")] if "responses" in errors else []
        show_errors(self, DomainError(error.message, errors=errors), summary=False)


WHERE_CHOICES = [
    SelectChoice("path", "Path parameter"),
    SelectChoice("query", "Query parameter"),
    SelectChoice("body", "JSON body field"),
]


class DispatchRuleForm(FlaskForm):
    """One mock dispatch rule; `mock_rules.check_dispatch` checks it with the contract."""

    where = SelectField(
        "Where the value is",
        choices=WHERE_CHOICES,
    )
    name = StringField(
        "Name", description="The parameter, or the body field as a dot path: customer.id.",
        render_kw={"class": "code", "autocomplete": "off", "maxlength": 100},
    )  # fmt: skip
    equals = StringField("Equals", render_kw={"class": "code", "autocomplete": "off"})
    status = StringField("Answer with status", render_kw={"inputmode": "numeric", "size": 4})
    example = StringField(
        "Example name (optional)", description="Blank: the response's default example.",
        render_kw={"autocomplete": "off"},
    )  # fmt: skip
    version = IntegerField(widget=HiddenField.widget, validators=[Optional()])

    def rule(self) -> dict:
        rule = {
            "in": self.where.data,
            "name": (self.name.data or "").strip(),
            "equals": self.equals.data or "",
            "status": (self.status.data or "").strip(),
        }
        if (self.example.data or "").strip():
            rule["example"] = self.example.data.strip()
        return rule

    def show_errors(self, error: DomainError) -> None:
        """The rule's problem (said of the contract's rules) next to the first field."""
        errors = dict(error.errors)
        if "dispatch" in errors:
            errors["name"] = errors.pop("dispatch")
        show_errors(self, DomainError(error.message, errors=errors), summary=False)


class CommentForm(FlaskForm):
    body = TextAreaField(
        "Add a comment",
        description="Markdown works. The author and the claimer follow this thread.",
        render_kw={"rows": 3},
    )


class HideForm(FlaskForm):
    reason = StringField(
        "Why hide it?",
        description="One line, shown with it to the people who still see it.",
        render_kw={"maxlength": HIDDEN_REASON_CHARS, "required": True, "autocomplete": "off"},
    )
