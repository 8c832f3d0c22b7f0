"""profile version

`users.profile_version` moves with every change to a learner's lists, so a visitor's copy of
a profile's lists is kept under it and the lists are read only when it moved.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 14:20:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(
            sa.Column('profile_version', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('profile_version')
