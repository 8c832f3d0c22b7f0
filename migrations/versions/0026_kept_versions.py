"""kept versions

A version per value kept with the data (the directory's counts of matches, under
"directory"), moved by every commit that writes its tables (`nexus_board/kept_versions.py`).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03 10:50:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'kept_versions',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_kept_versions')),
    )


def downgrade():
    op.drop_table('kept_versions')
