"""mocks

Named examples per response and dispatch rules on a contract, for the mock; every recorded
verification run with its results per contract and environment.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


# A batch rebuild of contracts on SQLite must keep AUTOINCREMENT (see 0013).
CONTRACTS = {'sqlite_autoincrement': True}


def upgrade():
    with op.batch_alter_table('contracts', schema=None, table_kwargs=CONTRACTS) as batch_op:
        batch_op.add_column(sa.Column('dispatch', sa.Text(), nullable=True))

    with op.batch_alter_table('contract_responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('examples', sa.Text(), nullable=True))

    with op.batch_alter_table('contract_verifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('environment', sa.String(length=40), nullable=True))

    op.create_table(
        'verification_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('environment', sa.String(length=40), nullable=False),
        sa.Column('base_url', sa.String(length=300), nullable=False),
        sa.Column('ran_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('conforming', sa.Integer(), nullable=False),
        sa.Column('contracts', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['project_id'], ['projects.id'],
            name=op.f('fk_verification_runs_project_id_projects'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_runs')),
    )
    op.create_index(
        'ix_verification_runs_project', 'verification_runs',
        ['project_id', 'environment', 'id'], unique=False,
    )
    op.create_table(
        'verification_results',
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('contract_id', sa.Integer(), nullable=False),
        sa.Column('passed', sa.Boolean(), nullable=False),
        sa.Column('contract_version', sa.Integer(), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=True),
        sa.Column('detail', sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ['contract_id'], ['contracts.id'],
            name=op.f('fk_verification_results_contract_id_contracts'), ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['run_id'], ['verification_runs.id'],
            name=op.f('fk_verification_results_run_id_verification_runs'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('run_id', 'contract_id', name=op.f('pk_verification_results')),
    )
    op.create_index(
        'ix_verification_results_contract', 'verification_results',
        ['contract_id', 'run_id'], unique=False,
    )


def downgrade():
    op.drop_index('ix_verification_results_contract', table_name='verification_results')
    op.drop_table('verification_results')
    op.drop_index('ix_verification_runs_project', table_name='verification_runs')
    op.drop_table('verification_runs')
    with op.batch_alter_table('contract_verifications', schema=None) as batch_op:
        batch_op.drop_column('environment')
    with op.batch_alter_table('contract_responses', schema=None) as batch_op:
        batch_op.drop_column('examples')
    with op.batch_alter_table('contracts', schema=None, table_kwargs=CONTRACTS) as batch_op:
        batch_op.drop_column('dispatch')
