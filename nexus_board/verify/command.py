"""The `flask nexus verify` command: options, the table it prints, and its exit status."""

import click
import httpx
from flask.cli import with_appcontext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..board.specs import project_slug
from ..extensions import db
from ..models import Contract, Project
from ..openapi import export
from .checks import Result, run
from .deploy import blockers
from .fuzz import fuzz
from .junit import junit_xml
from .services import DEFAULT_ENVIRONMENT, record_results

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
@click.option("--record", is_flag=True, help="Store the run: cards, score and can-i-deploy.")
@click.option(
    "--env",
    "environment",
    default=DEFAULT_ENVIRONMENT,
    show_default=True,
    help="What the base URL is, like staging: can-i-deploy asks per environment.",
)
@click.option(
    "--junit",
    "junit",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write JUnit XML there: one test case per contract.",
)
@click.option(
    "--fuzz",
    "fuzz_examples",
    type=click.IntRange(1, 1000),
    metavar="N",
    help="Also run schemathesis: at most N generated requests per operation.",
)
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per request.")
@with_appcontext
def verify_command(
    project, base_url, unsafe, params, headers, record, environment, junit, fuzz_examples, timeout
):
    """Call PROJECT's endpoints on a running backend and check them against the contracts."""
    if not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("use an http:// or https:// URL", param_hint="--base-url")
    found_project, contracts = _contracts(project)
    client = httpx.Client(
        base_url=base_url.rstrip("/") + "/",
        headers={"Accept": "application/json", **_pairs(headers, ":", "--header")},
        timeout=timeout,
        follow_redirects=False,
    )
    with client:
        results = run(client, contracts, unsafe=unsafe, params=_pairs(params, "=", "--param"))
    fuzzed = []
    if fuzz_examples:
        document = export.document(found_project, [c for c in contracts if c.hidden_at is None])
        fuzzed = fuzz(document, base_url.rstrip("/"), fuzz_examples, _pairs(headers, ":", "-"))
        _fold(results, fuzzed)
    _print(results)
    _print_fuzz(fuzzed)
    if junit:
        with open(junit, "wb") as file:
            file.write(junit_xml(found_project.name, results, fuzzed))
    if record:
        count = record_results(
            results, base_url, project_id=found_project.id, environment=environment
        )
        db.session.commit()
        plural = "s" if count != 1 else ""
        click.echo(f"Recorded {count} result{plural} on the board (environment {environment}).")
    failed = sum(result.passed is False for result in results)
    if failed:
        raise click.exceptions.Exit(1)


@click.command("can-i-deploy")
@click.argument("project")
@click.option(
    "--env",
    "environment",
    default=DEFAULT_ENVIRONMENT,
    show_default=True,
    help="The environment label the runs were recorded with (verify --record --env).",
)
@with_appcontext
def can_i_deploy_command(project, environment):
    """Exit 0 only if every claimed or done contract's latest check in ENV passed."""
    found_project, _ = _contracts(project)
    blocking = blockers(found_project, environment)
    if not blocking:
        click.echo(
            f"Yes: every integrated contract of {found_project.name} passed on {environment}."
        )
        return
    click.echo(
        f"No: {len(blocking)} contract{'s' if len(blocking) != 1 else ''} of "
        f"{found_project.name} block a deploy to {environment}:"
    )
    for line in blocking:
        click.echo(f"  ✗ {line}")
    raise click.exceptions.Exit(1)


def _fold(results: list[Result], fuzzed) -> None:
    """A contract whose fuzzing found a failure fails, with the first finding as its detail."""
    by_contract = {report.contract_id: report for report in fuzzed if report.findings}
    for result in results:
        report = by_contract.get(result.contract.id)
        if report is not None:
            first = report.findings[0]
            detail = f"Fuzzing: {first.message}"
            result.passed = False
            result.detail = "; ".join(filter(None, [result.detail, detail]))


def _print_fuzz(fuzzed) -> None:
    for report in fuzzed:
        mark = "✗" if report.findings else "✓"
        click.echo(f"{mark} fuzz {report.endpoint}: {report.cases} requests")
        for finding in report.findings:
            click.echo(f"    {finding.message}\n    {finding.curl}")
    if fuzzed:
        failing = sum(bool(report.findings) for report in fuzzed)
        click.echo(f"Fuzzing: {failing} of {len(fuzzed)} operations failed.")


def _contracts(name: str) -> tuple[Project, list[Contract]]:
    project = db.session.scalar(select(Project).where(Project.slug == project_slug(name)))
    if project is None:
        names = ", ".join(db.session.scalars(select(Project.slug).order_by(Project.slug)))
        raise click.ClickException(f"No project {name!r}. Projects: {names or 'none yet'}.")
    return project, list(
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
