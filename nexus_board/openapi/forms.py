"""The import form: which project, and the document as a file or pasted text."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, StringField, TextAreaField


class ImportForm(FlaskForm):
    project = StringField(
        "Project",
        description="An existing project to update, or a new name, like E-commerce API.",
        render_kw={"list": "project-names", "autocomplete": "off"},
    )
    document = FileField(
        "OpenAPI document (JSON or YAML, up to 1 MB)",
        description="OpenAPI 3.0 or 3.1, such as `./manage.py spectacular --file schema.yml`.",
        render_kw={"accept": ".json,.yaml,.yml,application/json,application/yaml"},
    )
    text = TextAreaField(
        "Or paste it here",
        render_kw={"rows": 8, "class": "code", "spellcheck": "false"},
    )

    def upload(self) -> tuple[str, bytes]:
        return upload(self.document, self.text)


class ReadmeForm(FlaskForm):
    """A README (or any Markdown) whose endpoint tables and lists become draft contracts."""

    project = StringField(
        "Project for these endpoints",
        description="The project the endpoints belong to, like E-commerce API.",
        render_kw={"list": "project-names", "autocomplete": "off"},
    )
    readme = FileField(
        "README (Markdown, up to 200 KB)",
        render_kw={"accept": ".md,.markdown,.txt,text/markdown,text/plain"},
    )
    text = TextAreaField("Or paste it here", render_kw={"rows": 8, "spellcheck": "false"})

    def upload(self) -> tuple[str, bytes]:
        return upload(self.readme, self.text)


def upload(file: FileField, text: TextAreaField) -> tuple[str, bytes]:
    """(file name, bytes) of the chosen file, else of the pasted text."""
    chosen = file.data
    if chosen and getattr(chosen, "filename", ""):
        return chosen.filename, chosen.read()  # the body limit bounds it
    return "", (text.data or "").encode()


class ConfirmForm(FlaskForm):
    fingerprint = HiddenField()
