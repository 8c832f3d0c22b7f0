"""contract ids

An index on contracts.hidden_at: the activity lists leave out hidden contracts' events by
looking up the few hidden ones.

0010 rebuilt the contracts table on SQLite without AUTOINCREMENT, so a deleted contract's id
could be handed out again. This puts it back (PostgreSQL's sequences never reuse an id) and
starts the counter after every id a contract ever had, deleted ones included.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 17:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_contracts_hidden_at', 'contracts', ['hidden_at'], unique=False)
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite' or _has_autoincrement(connection):
        return
    with op.batch_alter_table(
        'contracts', recreate='always', table_kwargs={'sqlite_autoincrement': True}
    ):
        pass
    highest = connection.scalar(sa.text(
        "SELECT max(id) FROM (SELECT max(id) AS id FROM contracts"
        " UNION ALL SELECT max(contract_id) FROM deleted_contracts)"
    ))
    if highest:
        connection.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'contracts'"))
        connection.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('contracts', :seq)"),
            {'seq': highest},
        )


def downgrade():
    # AUTOINCREMENT stays: every release before 0010 had it too.
    op.drop_index('ix_contracts_hidden_at', table_name='contracts')


def _has_autoincrement(connection) -> bool:
    query = sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contracts'")
    return 'AUTOINCREMENT' in (connection.scalar(query) or '').upper()
