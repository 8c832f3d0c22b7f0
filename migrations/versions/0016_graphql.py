"""graphql

A project is REST or GraphQL; a GraphQL project keeps every schema version, and its contracts
are named operations (document, variables example).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 15:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


# A batch rebuild of contracts on SQLite must keep AUTOINCREMENT (see 0013).
CONTRACTS = {'sqlite_autoincrement': True}


def upgrade():
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('kind', sa.String(length=10), server_default='rest', nullable=False)
        )

    with op.batch_alter_table('contracts', schema=None, table_kwargs=CONTRACTS) as batch_op:
        batch_op.add_column(sa.Column('operation_type', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('operation_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('document', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('variables_example', sa.Text(), nullable=True))

    op.create_table(
        'graphql_schemas',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('sdl', sa.Text(), nullable=False),
        sa.Column('source', sa.String(length=15), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_graphql_schemas_author_id_users')),
        sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_graphql_schemas_project_id_projects'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_graphql_schemas')),
        sa.UniqueConstraint('project_id', 'version', name='uq_graphql_schemas_version'),
    )
    with op.batch_alter_table('graphql_schemas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graphql_schemas_author_id'), ['author_id'], unique=False)


def downgrade():
    with op.batch_alter_table('graphql_schemas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graphql_schemas_author_id'))
    op.drop_table('graphql_schemas')

    with op.batch_alter_table('contracts', schema=None, table_kwargs=CONTRACTS) as batch_op:
        batch_op.drop_column('variables_example')
        batch_op.drop_column('document')
        batch_op.drop_column('operation_name')
        batch_op.drop_column('operation_type')

    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('kind')
