"""The schema upload and the operation form: shape only (the services check the rules)."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import Optional

from ..limits import EXAMPLE_CHARS, GRAPHQL_DOCUMENT_CHARS, GRAPHQL_SCHEMA_BYTES
from ..openapi.forms import upload
from .specs import OperationDraft

CODE = {"class": "code", "spellcheck": "false", "autocomplete": "off"}


class SchemaForm(FlaskForm):
    project = StringField(
        "Project",
        description="The GraphQL project, or a new name for one, like Shop GraphQL API.",
        render_kw={"list": "project-names", "autocomplete": "off"},
    )
    file = FileField(
        f"Schema file (SDL or introspection JSON, up to {GRAPHQL_SCHEMA_BYTES // 1024} KB)",
        description="schema.graphql, or the schema.json of "
        "`./manage.py graphql_schema --out schema.json` (graphene-django).",
        render_kw={"accept": ".graphql,.graphqls,.gql,.json,application/json,text/plain"},
    )
    text = TextAreaField("Or paste it here", render_kw={"rows": 10, **CODE})

    def schema_text(self) -> str:
        return upload(self.file, self.text)[1].decode("utf-8", "replace")


class ConfirmSchemaForm(FlaskForm):
    """The previewed schema, sent again to be saved (the server checks it all again)."""

    project = HiddenField()
    schema = HiddenField()


class OperationForm(FlaskForm):
    document = TextAreaField(
        "Operation",
        description=f"One named query or mutation, up to {GRAPHQL_DOCUMENT_CHARS:,} characters: "
        "query ProductList($first: Int) { products(first: $first) { id name } }",
        render_kw={"rows": 8, **CODE},
    )
    variables_example = TextAreaField(
        "Variables example (JSON, optional)",
        description='The variables a client sends, like {"first": 10}.',
        render_kw={"rows": 3, **CODE},
    )
    response_example = TextAreaField(
        "Response example (JSON)",
        description=f'What it answers: {{"data": {{…}}}}, optionally with "errors"; it must fit '
        f"the operation's fields and types. Up to {EXAMPLE_CHARS:,} characters.",
        render_kw={"rows": 10, **CODE},
    )
    summary = StringField("Summary", description="One line: what the operation does.")
    description = TextAreaField("Description (Markdown, optional)", render_kw={"rows": 4})
    tags = StringField(
        "Tags (optional)",
        description="Comma-separated, like catalog, search; up to 8, of 30 characters each.",
    )
    version = IntegerField(widget=HiddenField.widget, validators=[Optional()])

    def draft(self) -> OperationDraft:
        return OperationDraft(
            document=self.document.data or "",
            variables_example=self.variables_example.data or "",
            response_example=self.response_example.data or "",
            summary=self.summary.data or "",
            description=self.description.data or "",
            tags=self.tags.data or "",
        )
