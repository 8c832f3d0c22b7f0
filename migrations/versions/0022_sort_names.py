"""sort names

Each user keeps their display name lower-cased (as Python lower-cases it), indexed with the
role: the learners directory sorts and searches by it in SQL. On SQLite, lower() folds only
ASCII, so before this it called a Python function twice for every learner it read.
Who learned a topic is read from one index, (topic_id, user_id), which replaces topic_id's.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 03:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

users = sa.table('users', sa.column('id', sa.Integer), sa.column('display_name', sa.String),
                 sa.column('sort_name', sa.String))
BATCH = 1000


def upgrade():
    # A plain ADD COLUMN, even on SQLite (see 0021): nullable, so no table copy.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_name', sa.String(length=80), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.select(users.c.id, users.c.display_name).order_by(users.c.id)).all()
    change = users.update().where(users.c.id == sa.bindparam('row_id'))
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        values = [{'row_id': id_, 'sort_name': name.lower()} for id_, name in batch if name]
        if values:
            bind.execute(change.values(sort_name=sa.bindparam('sort_name')), values)
    op.create_index('ix_users_role_sort_name', 'users', ['role', 'sort_name', 'id'], unique=False)
    op.create_index('ix_learnings_topic_user', 'learnings', ['topic_id', 'user_id'], unique=False)
    op.drop_index('ix_learnings_topic_id', table_name='learnings')


def downgrade():
    op.create_index('ix_learnings_topic_id', 'learnings', ['topic_id'], unique=False)
    op.drop_index('ix_learnings_topic_user', table_name='learnings')
    op.drop_index('ix_users_role_sort_name', table_name='users')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE users DROP COLUMN sort_name')  # in place, as 0021 does
        return
    op.drop_column('users', 'sort_name')
