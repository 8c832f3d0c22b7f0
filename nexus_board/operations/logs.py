"""Log lines, as text for a terminal or as JSON for a log collector (`LOG_FORMAT=json`).

Every line carries the request id (`-` outside a request). python-json-logger is a formatter
for the standard `logging` module, so gunicorn's, SQLAlchemy's and our own loggers all write the
same JSON without any of them changing how they log.
"""

import logging
import sys

from pythonjsonlogger.json import JsonFormatter

from . import request_ids

FORMATS = ("text", "json")
TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = ["levelname", "name", "message", "request_id"]
RENAMED = {"levelname": "level", "name": "logger"}
OURS = "_nexus_board"  # marks the handler this module installed


class RequestId(logging.Filter):
    """Stamp the record with its request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_ids.current() or "-"
        return True


class AccessFields(logging.Filter):
    """gunicorn's access records: their fields as JSON keys, the request id among them."""

    FIELDS = {"remote": "h", "method": "m", "path": "U", "query": "q", "status": "s",
              "bytes": "B", "duration_ms": "M", "user_agent": "a"}  # fmt: skip

    def filter(self, record: logging.LogRecord) -> bool:
        atoms = record.args if isinstance(record.args, dict) else {}
        for field, atom in self.FIELDS.items():
            setattr(record, field, atoms.get(atom))
        record.request_id = atoms.get(f"{{{request_ids.HEADER.lower()}}}o", "-")
        return True


def formatter(log_format: str) -> logging.Formatter:
    if log_format not in FORMATS:
        raise RuntimeError(f"LOG_FORMAT must be text or json, not {log_format!r}")
    if log_format == "text":
        return logging.Formatter(TEXT)
    return JsonFormatter(JSON_FIELDS, rename_fields=RENAMED, timestamp="time")


def configure(log_format: str) -> None:
    """Log INFO and up to stderr in `log_format`, unless someone else configured logging
    (gunicorn's JSON set-up below, or pytest): then only stamp request ids on their lines."""
    root = logging.getLogger()
    ours = [handler for handler in root.handlers if getattr(handler, OURS, False)]
    if root.handlers and not ours:
        return
    handler = ours[0] if ours else logging.StreamHandler(sys.stderr)
    if not ours:
        setattr(handler, OURS, True)
        handler.addFilter(RequestId())
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    handler.setFormatter(formatter(log_format))


def gunicorn_logging(log_format: str) -> dict:
    """gunicorn's `logconfig_dict`: for JSON, every logger (gunicorn's error and access logs,
    the app's) writes JSON lines; for text, nothing (gunicorn's own format)."""
    formatter(log_format)  # refuse a wrong value in the master, before any worker starts
    if log_format != "json":
        return {}
    stream = {"class": "logging.StreamHandler", "formatter": "json"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestId}, "access": {"()": AccessFields}},
        "formatters": {"json": {"()": formatter, "log_format": "json"}},
        "handlers": {
            "stderr": stream | {"stream": "ext://sys.stderr", "filters": ["request_id"]},
            "access": stream | {"stream": "ext://sys.stdout", "filters": ["access"]},
        },
        "root": {"level": "INFO", "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"handlers": ["access"], "propagate": False},
        },
    }
