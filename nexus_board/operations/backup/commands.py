"""`flask nexus backup FILE|FOLDER` and `flask nexus restore FILE`."""

from datetime import UTC, datetime
from pathlib import Path

import click
from flask.cli import with_appcontext

from ...errors import DomainError
from . import restore_backup, write_backup

NAMED = "nexus-*.jsonl.gz"  # the backups this command names in a folder


@click.command("backup")
@click.argument("target")
@click.option("--keep", type=click.IntRange(min=1), help="In a folder: keep the newest N only.")
@with_appcontext
def backup_command(target, keep):
    """Write every table to TARGET as JSON Lines (`-` for stdout, `.gz` to compress).

    TARGET may be a folder: the backup is then nexus-<UTC time>.jsonl.gz in it (for a timer).
    """
    folder = Path(target) if Path(target).is_dir() else None
    if folder is not None:
        target = str(folder / f"nexus-{datetime.now(UTC):%Y%m%d-%H%M%S}.jsonl.gz")
    try:
        summary = write_backup(target)
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Backed up {summary} to {target}.", err=target == "-")
    if folder is not None and keep:
        for old in sorted(folder.glob(NAMED))[:-keep]:
            old.unlink()
            click.echo(f"Removed {old}, older than the newest {keep}.")


@click.command("restore")
@click.argument("file")
@with_appcontext
def restore_command(file):
    """Load a backup FILE into this empty database (SQLite or PostgreSQL), then migrate it."""
    try:
        summary = restore_backup(file)
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Restored {summary} from {file}.")
