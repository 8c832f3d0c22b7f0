"""The `flask nexus verify` command: options, the table it prints, and its exit status."""

import click
import httpx
from flask.cli import with_appcontext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..board.specs import project_slug
from ..extensions import db
from ..models import Contract, Project
from .checks import Result, run
from .services import record_results

MARKS = {True: "✓", False: "✗", None: "–"}


@click.command("verify")
@click.argument("project")
@click.option("--base-url", required=True, help="The running backend, like http://127.0.0.1:8000")
@click.option("--all", "unsafe", is_flag=True, help="Also call POST, PUT, PATCH and DELETE.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A path parameter's value (default 1), e.g. --param id=42.",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="Send a header, e.g. --header 'Authorization: Bearer …'.",
)
@click.option("--record", is_flag=True, help="Store the results: cards show verified ✓/✗.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per request.")
@with_appcontext
def verify_command(project, base_url, unsafe, params, headers, record, timeout):
    """Call PROJECT's endpoints on a running backend and check them against the contracts."""
    if not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("use an http:// or https:// URL", param_hint="--base-url")
    contracts = _contracts(project)
    client = httpx.Client(
        base_url=base_url.rstrip("/") + "/",
        headers={"Accept": "application/json", **_pairs(headers, ":", "--header")},
        timeout=timeout,
        follow_redirects=False,
    )
    with client:
        results = run(client, contracts, unsafe=unsafe, params=_pairs(params, "=", "--param"))
    _print(results)
    if record:
        count = record_results(results, base_url)
        db.session.commit()
        click.echo(f"Recorded {count} result{'s' if count != 1 else ''} on the board.")
    failed = sum(result.passed is False for result in results)
    if failed:
        raise click.exceptions.Exit(1)


def _contracts(name: str) -> list[Contract]:
    project = db.session.scalar(select(Project).where(Project.slug == project_slug(name)))
    if project is None:
        names = ", ".join(db.session.scalars(select(Project.slug).order_by(Project.slug)))
        raise click.ClickException(f"No project {name!r}. Projects: {names or 'none yet'}.")
    return list(
        db.session.scalars(
            select(Contract)
            .where(Contract.project_id == project.id, Contract.is_draft.is_(False))
            .order_by(Contract.path, Contract.method)
            .options(selectinload(Contract.responses))
        )
    )


def _pairs(values, separator: str, option: str) -> dict:
    found = {}
    for value in values:
        name, sep, rest = value.partition(separator)
        if not sep or not name.strip():
            raise click.BadParameter(f"use NAME{separator}VALUE, not {value!r}", param_hint=option)
        found[name.strip()] = rest.strip()
    return found


def _print(results: list[Result]) -> None:
    rows = [("", "Request", "Expected", "Got", "Detail")] + [
        (MARKS[r.passed], r.request, str(r.expected or ""), str(r.got or ""), r.detail)
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[4]]).rstrip())
    passed = sum(r.passed is True for r in results)
    failed = sum(r.passed is False for r in results)
    skipped = sum(r.passed is None for r in results)
    click.echo(f"\n{passed} passed, {failed} failed, {skipped} skipped.")
