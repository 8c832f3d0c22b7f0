"""hidden contracts

A contract can be hidden: off the board, its mock and its project's document, with who hid it,
when and why.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:12:40.518204

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

FOREIGN_KEY = 'fk_contracts_hidden_by_id_users'


def upgrade():
    # Plain ADD COLUMNs, even on SQLite: batch mode would copy the table there, and dropping the
    # old one would cascade to every contract's responses, tags, revisions and comments.
    sqlite = op.get_bind().dialect.name == 'sqlite'
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('hidden_reason', sa.Text(), nullable=True))
        if not sqlite:
            batch_op.add_column(sa.Column('hidden_by_id', sa.Integer(), nullable=True))
    if not sqlite:
        op.create_foreign_key(op.f(FOREIGN_KEY), 'contracts', 'users', ['hidden_by_id'], ['id'])
    elif 'hidden_by_id' not in _columns():  # a downgrade there leaves it (see below)
        # SQLite takes a reference only inside the ADD COLUMN itself.
        op.execute('ALTER TABLE contracts ADD COLUMN hidden_by_id INTEGER REFERENCES users (id)')
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contracts_hidden_by_id'), ['hidden_by_id'], unique=False)


def downgrade():
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contracts_hidden_by_id'))
    if op.get_bind().dialect.name == 'sqlite':
        # In place (never batch mode's copy, see above). SQLite cannot drop a column with a
        # reference in place: hidden_by_id stays, empty and unread by the older code.
        op.execute('UPDATE contracts SET hidden_by_id = NULL')
        op.execute('ALTER TABLE contracts DROP COLUMN hidden_reason')
        op.execute('ALTER TABLE contracts DROP COLUMN hidden_at')
        return
    op.drop_constraint(op.f(FOREIGN_KEY), 'contracts', type_='foreignkey')
    op.drop_column('contracts', 'hidden_reason')
    op.drop_column('contracts', 'hidden_by_id')
    op.drop_column('contracts', 'hidden_at')


def _columns() -> set[str]:
    return {column['name'] for column in sa.inspect(op.get_bind()).get_columns('contracts')}
