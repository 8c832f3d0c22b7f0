"""schemas

Contracts keep their JSON Schemas (request body, parameters, responses, named components),
deprecation and sunset, and README drafts; each revision keeps the change classifier's word.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_schema', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('parameters', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('components', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('schema_source', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('deprecated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('sunset', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('deprecation_note', sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column('is_draft', sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table('contract_responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('schema', sa.Text(), nullable=True))

    with op.batch_alter_table('contract_revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('classified', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('severity', sa.String(length=20), nullable=True))

    with op.batch_alter_table('openapi_imports', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('kind', sa.String(length=10), server_default='openapi', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('openapi_imports', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('contract_revisions', schema=None) as batch_op:
        batch_op.drop_column('severity')
        batch_op.drop_column('classified')

    with op.batch_alter_table('contract_responses', schema=None) as batch_op:
        batch_op.drop_column('schema')

    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_column('is_draft')
        batch_op.drop_column('deprecation_note')
        batch_op.drop_column('sunset')
        batch_op.drop_column('deprecated_at')
        batch_op.drop_column('schema_source')
        batch_op.drop_column('components')
        batch_op.drop_column('parameters')
        batch_op.drop_column('request_schema')
