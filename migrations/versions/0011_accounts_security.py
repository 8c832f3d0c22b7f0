"""accounts security

Signed-in devices (server-side sessions with remember-me tokens) replace the per-user session
token; accounts get a session version, a state (active, disabled, deleted) and the keys that
keep names from passing for others'; API tokens get a scope and an expiry.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 12:49:57.870337

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

users = sa.table(
    'users',
    sa.column('id', sa.Integer()),
    sa.column('username', sa.String()),
    sa.column('display_name', sa.String()),
    sa.column('name_key', sa.String()),
    sa.column('username_key', sa.String()),
    sa.column('session_token', sa.String()),
)


def upgrade():
    op.create_table('devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.Column('user_agent', sa.String(length=300), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signed_in_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('remember_hash', sa.String(length=64), nullable=True),
    sa.Column('previous_remember_hash', sa.String(length=64), nullable=True),
    sa.Column('remember_rotated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('remember_until', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_devices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('remember_hash', name=op.f('uq_devices_remember_hash'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index('ix_devices_user', ['user_id', 'last_seen_at'], unique=False)

    # Tokens made before scopes could write: they keep doing so.
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.Enum('read', 'write', name='token_scope', native_enum=False, create_constraint=True, length=16), nullable=False, server_default='write'))
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))

    # Every session of the old kind (a signed cookie naming session_token) ends here: each
    # browser signs in once more and gets a device row.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('state', sa.Enum('active', 'disabled', 'deleted', name='account_state', native_enum=False, create_constraint=True, length=16), nullable=False, server_default='active'))
        batch_op.add_column(sa.Column('state_reason', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('state_changed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('name_key', sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column('username_key', sa.String(length=128), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_users_session_token'), type_='unique')
        batch_op.create_index(batch_op.f('ix_users_username_key'), ['username_key'], unique=False)
        batch_op.drop_column('session_token')
    _fill_name_keys()
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_users_name_key'), ['name_key'])


def _fill_name_keys():
    """Each existing name's key. Names that already look alike keep one key between them (the
    oldest account's); the others get theirs marked with their id, so the unique constraint
    holds, and a new name like any of them is still refused (it matches the first)."""
    from nexus_board.auth.names import name_key  # the app's own rule, as of this release

    connection = op.get_bind()
    taken = set()
    rows = connection.execute(sa.select(users.c.id, users.c.username, users.c.display_name).order_by(users.c.id))
    for user_id, username, display_name in rows.all():
        key = name_key(display_name)
        if key in taken:
            key = f"{key}#{user_id}"
        taken.add(key)
        connection.execute(
            users.update().where(users.c.id == user_id).values(name_key=key, username_key=name_key(username))
        )


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_name_key'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_users_username_key'))
        batch_op.add_column(sa.Column('session_token', sa.VARCHAR(length=64), nullable=True))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        token = secrets.token_urlsafe(24)
        connection.execute(users.update().where(users.c.id == user_id).values(session_token=token))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.VARCHAR(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_users_session_token'), ['session_token'])
        batch_op.drop_column('username_key')
        batch_op.drop_column('name_key')
        batch_op.drop_column('state_changed_at')
        batch_op.drop_column('state_reason')
        batch_op.drop_constraint(batch_op.f('ck_users_account_state'), type_='check')
        batch_op.drop_column('state')
        batch_op.drop_column('session_version')

    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
        batch_op.drop_constraint(batch_op.f('ck_api_tokens_token_scope'), type_='check')
        batch_op.drop_column('scope')

    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index('ix_devices_user')

    op.drop_table('devices')
