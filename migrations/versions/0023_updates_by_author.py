"""updates by author

A learner's updates newest first come from one index, (author_id, created_at, id), which
replaces author_id's: PostgreSQL walked the whole feed's index backwards for a profile's five.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 04:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_updates_author_newest', 'updates', ['author_id', 'created_at', 'id'],
                    unique=False)
    op.drop_index('ix_updates_author_id', table_name='updates')


def downgrade():
    op.create_index('ix_updates_author_id', 'updates', ['author_id'], unique=False)
    op.drop_index('ix_updates_author_newest', table_name='updates')
