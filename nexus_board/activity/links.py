"""Where an event points: the page of its subject, in the app or from outside it.

Links from outside (webhook messages, built in the worker with no request) start with
PUBLIC_URL; a deleted contract's address still answers, with what it was.
"""

from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for

from ..models import Activity


def target(activity: Activity) -> tuple[str, dict, str] | None:
    """(endpoint, values, #fragment) of the page `activity` is about, or None."""
    kind, detail = activity.subject_type, activity.detail or {}
    if activity.subject_id is None:  # a deleted update
        return None
    if kind == "contract":
        anchor = ""
        if "comment_id" in detail:
            anchor = f"comment-{detail['comment_id']}"
        elif "version" in detail:
            anchor = f"version-{detail['version']}"
        return "board.show", {"contract_id": activity.subject_id}, anchor
    if kind == "update":
        return "updates.show", {"update_id": activity.subject_id}, ""
    if kind == "profile" and activity.actor is not None:
        return "profiles.show", {"username": activity.actor.username}, ""
    return None


def link(activity: Activity) -> str | None:
    """The subject's page within the app."""
    found = target(activity)
    if found is None:
        return None
    endpoint, values, anchor = found
    return url_for(endpoint, **values) + (f"#{anchor}" if anchor else "")


def absolute(endpoint: str, **values) -> str:
    """An absolute URL under PUBLIC_URL, with or without a request."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    if has_request_context() and base.netloc == "":
        return url_for(endpoint, _external=True, **values)
    adapter = current_app.url_map.bind(
        base.netloc, url_scheme=base.scheme or "https", script_name=base.path or "/"
    )
    return adapter.build(endpoint, values, force_external=True)


def public_link(activity: Activity) -> str:
    """The subject's page from outside (the hub's, if it has none)."""
    found = target(activity)
    if found is None:
        return absolute("hub.index")
    endpoint, values, anchor = found
    return absolute(endpoint, **values) + (f"#{anchor}" if anchor else "")
