"""Projects looking for a partner, as plain data kept in the shared cache until a team changes:
listed on the hub and the learners directory."""

from dataclasses import dataclass

from flask import url_for

from ..caching import process_copy
from ..limits import HUB_PARTNER_PROJECTS
from . import queries


@dataclass(frozen=True)
class PartnerProject:
    name: str
    url: str
    looking_for: str  # "frontend" or "backend"


def partner_projects(track: str | None = None) -> list[PartnerProject]:
    """Projects looking for a partner (of `track`), by name."""
    return process_copy(f"partners/{track or 'any'}", "teams", compute=lambda: _partners(track))


def _partners(track: str | None) -> list[PartnerProject]:
    return [
        PartnerProject(p.name, url_for("teams.show", slug=p.slug), str(p.looking_for))
        for p in queries.looking_for_partner(HUB_PARTNER_PROJECTS, track)
    ]
