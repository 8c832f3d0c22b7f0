"""What every form shares: a service's errors shown where they belong."""

from flask_wtf import FlaskForm
from wtforms import FieldList, FormField

from .errors import DomainError


def show_errors(form: FlaskForm, error: DomainError, *, summary: bool = True) -> None:
    """Put a service's messages next to the fields they name, a row's too (`responses-0-example`).

    A message naming no field shows above the fields; so does the error's own message when it
    names none, unless the page shows that message itself (`summary=False`).
    """
    fields = dict(_rows(form))
    for name, message in error.errors.items():
        field = form._fields.get(name) or fields.get(name)
        if field is None:
            form.form_errors.append(message)
        else:
            field.errors = [*field.errors, message]
    if summary and not error.errors:
        form.form_errors.append(error.message)


def _rows(form: FlaskForm):
    """(full name, field) for the fields of each row of the form's field lists."""
    for field_list in form:
        if isinstance(field_list, FieldList):
            for row in field_list:
                if isinstance(row, FormField):
                    yield from ((field.name, field) for field in row.form)
