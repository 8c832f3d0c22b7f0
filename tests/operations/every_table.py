"""A database with rows in every table: the demo cohort, plus what the demo never makes.

A new table gets rows here too (through its services), or the backup tests fail to cover it.
"""

import json

from flask_migrate import upgrade
from sqlalchemy import func, select

from nexus_board.auth.devices import open_device
from nexus_board.auth.tokens import create_token
from nexus_board.board import services as board
from nexus_board.board.lookup import get_contract
from nexus_board.demo import seed
from nexus_board.extensions import db
from nexus_board.inbox.services import save_kinds
from nexus_board.invites import services as invites
from nexus_board.models import User
from nexus_board.moderation import services as moderation
from nexus_board.openapi import services as openapi_imports
from nexus_board.profiles import readme_import
from nexus_board.profiles import services as profiles
from nexus_board.updates.services import post_update
from nexus_board.webhooks import services as webhooks

from ..board.factories import draft

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1"},
    "paths": {"/api/v1/baskets": {"get": {"responses": {"200": {"description": "OK"}}}}},
}
# Text that must come back exactly: quotes, newlines, emoji, right-to-left, a line separator.
AWKWARD = "Ünïcødé 🎉 \"quoted\" 'single' \\ back\nnew line\tTab \u2028 עברית ' OR 1=1 --"


def fill(app) -> None:
    """Migrate the app's empty database and give every table rows."""
    with app.app_context():
        upgrade()
        seed("demo-password-for-tests")
        ada = db.session.scalar(select(User).where(User.username == "ada"))
        create_token(ada, "CI on GitHub")
        open_device(ada, user_agent=AWKWARD[:100], address="203.0.113.7", remember=True)
        openapi_imports.start_import(ada, "Shop", "shop.json", json.dumps(OPENAPI).encode())
        readme_import.start_import(ada, "## Overview\n\nHello.\n", "README.md")
        profiles.add_section(ada, title="Deployment", body=AWKWARD)
        spam = post_update(ada, AWKWARD[:200])
        save_kinds(ada, {"contract.claimed"})  # every other kind muted in ada's inbox
        mentor = db.session.scalar(select(User).where(User.username == "mentor"))
        # A cohort webhook hears the deletion below: a delivery waits in the outbox.
        webhooks.add_webhook(mentor, name="#all", url="https://discord.com/api/webhooks/1/t",
                             format="discord", kinds=webhooks.CHANNEL_KINDS)  # fmt: skip
        invites.create_invite(mentor, label="Cohort 7 — room 2 🎉", days="7", max_uses="30")
        db.session.flush()
        moderation.hide("update", spam.id, mentor, "Spam, says the audit log")
        # The newest contract, deleted: its id must never be handed out again.
        doomed = board.create_contract(draft(path="/api/v1/doomed"), ada)
        db.session.flush()
        board.delete_contract(get_contract(doomed.id), ada)
        db.session.commit()


def empty_tables(app) -> list[str]:
    with app.app_context():
        return [
            table.name
            for table in db.metadata.sorted_tables
            if not db.session.scalar(select(func.count()).select_from(table))
        ]


def every_row(app) -> dict[str, list[tuple]]:
    """Every row of every table, read through the models' types, in primary-key order."""
    with app.app_context():
        rows = {
            table.name: [
                tuple(row)
                for row in db.session.execute(
                    select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for table in db.metadata.sorted_tables
        }
        db.session.remove()
        return rows
