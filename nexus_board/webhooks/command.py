"""`flask nexus worker`: the process that delivers webhooks (the web process never sends)."""

import click
from flask import current_app
from flask.cli import with_appcontext

from .queue import run_worker


@click.command("worker")
@click.option("--threads", default=2, show_default=True, help="Deliveries sent at once.")
@with_appcontext
def worker_command(threads):
    """Deliver the outbox to Discord and Slack until stopped (Ctrl-C finishes what is under way)."""
    run_worker(current_app._get_current_object(), workers=threads)
