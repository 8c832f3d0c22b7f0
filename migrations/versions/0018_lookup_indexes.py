"""lookup indexes

The learner lists read users by role and name (the hub's directory glimpse, the directory), and
the hub counts learners per track: an index for each, so neither reads the whole table.

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


# Plain CREATE INDEX, no batch mode: on SQLite a batch would copy `users`, and dropping the old
# table would cascade to everything a learner owns.
def upgrade():
    op.create_index('ix_users_role_display_name', 'users', ['role', 'display_name'], unique=False)
    op.create_index('ix_users_role_track', 'users', ['role', 'track'], unique=False)


def downgrade():
    op.drop_index('ix_users_role_track', table_name='users')
    op.drop_index('ix_users_role_display_name', table_name='users')
