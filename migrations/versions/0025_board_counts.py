"""board counts

One row per status: how many contracts the public board shows in it, kept by
`nexus_board/board/kept_counts.py` so a board or hub need not count every contract.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-03 10:20:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'board_counts',
        sa.Column('status', sa.Enum('open', 'claimed', 'in_progress', 'done', name='board_count_status', native_enum=False, create_constraint=True, length=16), nullable=False),
        sa.Column('contracts', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('status', name=op.f('pk_board_counts')),
    )
    # The counts of the contracts already here; a status with none, or an empty database
    # (which a restore needs empty), gets its row at the first recount.
    op.execute(
        "INSERT INTO board_counts (status, contracts) SELECT status, count(*) FROM contracts"
        " WHERE hidden_at IS NULL AND is_draft = false GROUP BY status"
    )


def downgrade():
    op.drop_table('board_counts')
