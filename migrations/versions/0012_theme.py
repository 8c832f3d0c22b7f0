"""theme

The light or dark theme a learner picked; empty follows their device.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 12:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('theme', sa.Enum('light', 'dark', name='theme', native_enum=False, create_constraint=True, length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('theme')
