"""`flask nexus …` commands: demo data, admins, verifying a backend, backups, recounts."""

import click
from flask import current_app
from flask.cli import AppGroup

from .auth import services
from .errors import Invalid
from .extensions import db
from .models import Role
from .operations.backup.commands import backup_command, restore_command
from .verify.command import can_i_deploy_command, verify_command
from .webhooks.command import worker_command

nexus = AppGroup("nexus", help="Nexus Board commands.")
nexus.add_command(verify_command)
nexus.add_command(backup_command)
nexus.add_command(restore_command)
nexus.add_command(can_i_deploy_command)
nexus.add_command(worker_command)


@nexus.command("demo")
@click.option(
    "--password",
    default="nexus-demo-password",
    show_default=True,
    help="Password for every demo account.",
)
def demo_command(password):
    """Fill an empty database with a small realistic cohort."""
    from .demo import seed

    if current_app.config["NEXUS_ENV"] == "production":
        raise click.ClickException("Demo data is for development; NEXUS_ENV is production.")
    created = seed(password)
    db.session.commit()
    if created:
        click.echo(
            f"Demo cohort ready: {created} learners. Sign in as ada (backend), "
            f"gabriel (frontend) or mentor (admin) with password {password!r}."
        )
    else:
        click.echo("Demo data already present; nothing changed.")


@nexus.command("create-admin")
@click.argument("username")
@click.option("--display-name", default=None, help="Defaults to the username.")
@click.option("--email", default=None)
@click.option(
    "--track", type=click.Choice(["backend", "frontend"]), default="backend", show_default=True
)
@click.password_option(help="Asked for when not given.")
def create_admin(username, display_name, email, track, password):
    """Create an admin account."""
    try:
        user = services.register(
            username=username,
            display_name=display_name or username,
            password=password,
            track=track,
            email=email,
            role=Role.ADMIN,
        )
    except Invalid as error:
        db.session.rollback()
        raise click.ClickException("; ".join(error.errors.values())) from None
    db.session.commit()
    click.echo(f"Admin {user.username} created.")


@nexus.command("code-styles")
def code_styles_command():
    """Write static/css/code.css (syntax colours for both themes) from Pygments' styles."""
    from pathlib import Path

    from .code_styles import write

    click.echo(f"Wrote {write(Path(current_app.static_folder))}")


@nexus.command("recount")
def recount_command():
    """Count the board's contracts per status again (after changing contracts in SQL by hand:
    the app's own writes keep the counts exact)."""
    from .board import kept_counts

    with db.engine.begin() as connection:
        kept_counts.recount(connection)
        counts = kept_counts.counts(connection)
    click.echo(", ".join(f"{status.label}: {count}" for status, count in counts.items()))
