"""`flask nexus backup FILE` and `flask nexus restore FILE`."""

import click
from flask.cli import with_appcontext

from ...errors import DomainError
from . import restore_backup, write_backup


@click.command("backup")
@click.argument("file")
@with_appcontext
def backup_command(file):
    """Write every table to FILE as JSON Lines (`-` for stdout, `.gz` to compress)."""
    try:
        summary = write_backup(file)
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Backed up {summary} to {file}.", err=file == "-")


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
