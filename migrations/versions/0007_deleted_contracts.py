"""deleted contracts

A deleted contract keeps its history and comments here, readable at its old address.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 13:15:05.749398

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('deleted_contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('endpoint', sa.Text(), nullable=False),
    sa.Column('project_name', sa.Text(), nullable=False),
    sa.Column('deleted_by_id', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['deleted_by_id'], ['users.id'], name=op.f('fk_deleted_contracts_deleted_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deleted_contracts'))
    )
    with op.batch_alter_table('deleted_contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deleted_contracts_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deleted_contracts_deleted_by_id'), ['deleted_by_id'], unique=False)



def downgrade():
    with op.batch_alter_table('deleted_contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deleted_contracts_deleted_by_id'))
        batch_op.drop_index(batch_op.f('ix_deleted_contracts_contract_id'))

    op.drop_table('deleted_contracts')
