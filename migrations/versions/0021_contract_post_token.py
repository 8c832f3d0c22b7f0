"""contract post token

A contract keeps the token of the form that posted it: the same form sent twice (a double click)
answers with that contract instead of a 409 for the duplicate.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 01:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN, even on SQLite: batch mode would copy the table there, and dropping the
    # old one would cascade to every contract's responses, tags, revisions and comments (0008).
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('post_token', sa.String(length=22), nullable=True))


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE contracts DROP COLUMN post_token')  # in place, as 0008 does
        return
    op.drop_column('contracts', 'post_token')
