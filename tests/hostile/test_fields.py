"""The hostile corpus's field table covers every text field of every form: a new one fails here."""

import importlib
import inspect
import pkgutil

from wtforms import Form, HiddenField, PasswordField, StringField
from wtforms.fields import FieldList, FormField

import nexus_board

from .corpus import PAYLOADS
from .fields import FIELDS


def form_classes() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(nexus_board.__path__, "nexus_board."):
        if module.name.rsplit(".", 1)[-1] != "forms":
            continue
        loaded = importlib.import_module(module.name)
        found += [cls for cls in vars(loaded).values()
                  if inspect.isclass(cls) and issubclass(cls, Form)
                  and cls.__module__ == loaded.__name__]  # fmt: skip
    return found


def text_fields() -> set[str]:
    """ "Form.field" for each text input a person types into ("@area" where names repeat)."""
    classes = form_classes()
    names = [cls.__name__ for cls in classes]
    found = set()
    for cls in classes:
        area = cls.__module__.split(".")[-2]
        suffix = f"@{area}" if names.count(cls.__name__) > 1 else ""
        for name in dir(cls):
            unbound = getattr(cls, name)
            kind = getattr(unbound, "field_class", None)
            if kind is None or issubclass(kind, HiddenField | PasswordField):
                continue
            if issubclass(kind, StringField):  # TextAreaField, URLField, EmailField too
                found.add(f"{cls.__name__}.{name}{suffix}")
            elif issubclass(kind, FieldList | FormField):
                pass  # their rows are forms of their own (ResponseForm), found on their own
    return found


def test_every_text_field_of_every_form_is_in_the_hostile_table():
    fields = text_fields()
    assert sorted(fields - FIELDS.keys()) == [], "add these to tests/hostile/fields.py"
    assert sorted(FIELDS.keys() - fields) == [], "these are no form's fields any more"


def test_the_corpus_has_every_kind_of_trick():
    assert len(PAYLOADS) >= 40
    text = "\n".join(PAYLOADS.values())
    tricks = ("<script", "onerror=", "javascript:", "data:", "<svg", "hx-get", 'hx-trigger="load"',
              "hx-on", "{{7*7}}", "{%", "<style", "\u202e", "\u200b")  # fmt: skip
    for trick in tricks:
        assert trick in text, trick
    assert max(len(p) for p in PAYLOADS.values()) >= 100_000
