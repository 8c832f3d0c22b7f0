"""hub indexes

The hub's lists stop after a few rows only when an index gives them their order: shown updates
and contracts newest first, the week's questions, the pinned announcements. Without statistics
SQLite otherwise picks the hidden_at index, matches every row and sorts them all. Its charts
count contracts by status and learners by topic from covering indexes.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 21:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_updates_shown_newest', 'updates', ['hidden_at', 'created_at', 'id']),
    ('ix_updates_questions', 'updates', ['question', 'hidden_at', 'created_at', 'id']),
    ('ix_updates_pinned_at', 'updates', ['pinned_at']),
    ('ix_contracts_shown_newest', 'contracts', ['hidden_at', 'created_at', 'id']),
    ('ix_contracts_shown_status', 'contracts', ['hidden_at', 'is_draft', 'status', 'status_changed_at']),
    ('ix_learnings_kind_topic', 'learnings', ['kind', 'topic_id', 'user_id']),
]


# Plain CREATE INDEX, no batch mode (as in 0018): a batch would copy the tables.
def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
