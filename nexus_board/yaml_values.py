"""YAML from untrusted text: no anchors or aliases, and only JSON's types come out."""

from datetime import date, datetime

import yaml


class NoAliases(yaml.SafeLoader):
    """YAML without anchors and aliases: they can make a small file expand into gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not supported", event.start_mark
            )
        return super().compose_node(parent, index)


def load(text: str):
    """The value of YAML `text` (yaml.YAMLError or RecursionError if it cannot be read)."""
    return yaml.load(text, Loader=NoAliases)  # noqa: S506  (a SafeLoader subclass)


def plain(value):
    """JSON's types only: YAML's dates become strings and its numeric keys (200:) strings."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def problem(error: yaml.YAMLError) -> str:
    """Where and why YAML could not be read, for a person."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return f"Not valid YAML: {where}{error.problem or error.context}."
    return f"Not valid YAML: {error}."
