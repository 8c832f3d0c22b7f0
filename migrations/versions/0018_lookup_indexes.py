"""lookup indexes

The learner lists read users by role and name (the hub's directory glimpse, the directory), and
the hub counts learners per track: an index for each, so neither reads the whole table. The
hub also counts the updates nobody hid, and its activity leaves out hidden updates' events:
an index on updates.hidden_at serves both.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 18:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


# Plain CREATE INDEX, no batch mode: on SQLite a batch would copy `users` (or `updates`), and
# dropping the old table would cascade to everything that points at it.
def upgrade():
    op.create_index('ix_users_role_display_name', 'users', ['role', 'display_name'], unique=False)
    op.create_index('ix_users_role_track', 'users', ['role', 'track'], unique=False)
    op.create_index('ix_updates_hidden_at', 'updates', ['hidden_at'], unique=False)


def downgrade():
    op.drop_index('ix_updates_hidden_at', table_name='updates')
    op.drop_index('ix_users_role_track', table_name='users')
    op.drop_index('ix_users_role_display_name', table_name='users')
