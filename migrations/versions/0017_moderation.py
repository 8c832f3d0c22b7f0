"""moderation

Updates, comments, replies and review requests can be hidden by a moderator (who, when, why); learners' reports wait in a
queue; the audit log keeps every moderation action, and the database refuses to change it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 16:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# Hidden like contracts (0008): plain ADD COLUMNs, even on SQLite, where batch mode would copy the
# table and dropping the old one would cascade to its tags, mentions (updates, review requests).
HIDEABLE = ('updates', 'contract_comments', 'update_replies', 'review_requests')
APPEND_ONLY = 'The audit log is append-only: its rows cannot be changed or deleted.'
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_{verb} BEFORE {verb.upper()} ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
    for verb in ('update', 'delete')
]
POSTGRES_TRIGGERS = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]


def upgrade():
    for table in HIDEABLE:
        _add_hiding(table)

    op.create_table('reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('reporter_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=16), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('resolution', sa.String(length=16), nullable=True),
        sa.Column('resolved_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_reports_reporter_id_users'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_reports_resolved_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
        sa.UniqueConstraint('kind', 'item_id', 'reporter_id', name='uq_reports_item_reporter'),
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index('ix_reports_item', ['kind', 'item_id'], unique=False)
        batch_op.create_index('ix_reports_open', ['resolved_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_reporter_id'), ['reporter_id'], unique=False)

    op.create_table('audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('actor_name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_actor', ['actor_id', 'id'], unique=False)
        batch_op.create_index('ix_audit_log_kind', ['kind', 'id'], unique=False)
    postgres = op.get_bind().dialect.name == 'postgresql'
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade():
    # Dropping the table drops its triggers; only PostgreSQL's function is left.
    op.drop_table('audit_log')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION audit_log_append_only()')
    op.drop_table('reports')
    for table in reversed(HIDEABLE):
        _drop_hiding(table)


def _add_hiding(table: str):
    sqlite = op.get_bind().dialect.name == 'sqlite'
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('hidden_reason', sa.Text(), nullable=True))
        if not sqlite:
            batch_op.add_column(sa.Column('hidden_by_id', sa.Integer(), nullable=True))
    if not sqlite:
        op.create_foreign_key(op.f(f'fk_{table}_hidden_by_id_users'), table, 'users', ['hidden_by_id'], ['id'])
    elif 'hidden_by_id' not in _columns(table):  # a downgrade there leaves it (see below)
        # SQLite takes a reference only inside the ADD COLUMN itself.
        op.execute(f'ALTER TABLE {table} ADD COLUMN hidden_by_id INTEGER REFERENCES users (id)')
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{table}_hidden_by_id'), ['hidden_by_id'], unique=False)
        batch_op.create_index(batch_op.f(f'ix_{table}_hidden_at'), ['hidden_at'], unique=False)


def _drop_hiding(table: str):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f(f'ix_{table}_hidden_at'))
        batch_op.drop_index(batch_op.f(f'ix_{table}_hidden_by_id'))
    if op.get_bind().dialect.name == 'sqlite':
        # In place (never batch mode's copy). SQLite cannot drop a column with a reference in
        # place: hidden_by_id stays, empty and unread by the older code.
        op.execute(f'UPDATE {table} SET hidden_by_id = NULL')
        op.execute(f'ALTER TABLE {table} DROP COLUMN hidden_reason')
        op.execute(f'ALTER TABLE {table} DROP COLUMN hidden_at')
        return
    op.drop_constraint(op.f(f'fk_{table}_hidden_by_id_users'), table, type_='foreignkey')
    op.drop_column(table, 'hidden_reason')
    op.drop_column(table, 'hidden_by_id')
    op.drop_column(table, 'hidden_at')


def _columns(table: str) -> set[str]:
    return {column['name'] for column in sa.inspect(op.get_bind()).get_columns(table)}
