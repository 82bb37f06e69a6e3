"""Team and account: invitations, users.email_verified_at and suspended_at, organizations.logo_key and
suspended_at, and the admin log of account actions

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('email_verified_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('suspended_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('organizations') as batch:
        batch.add_column(sa.Column('logo_key', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('suspended_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('member_role', sa.Enum('owner', 'member', name='member_role', native_enum=False,
                                         create_constraint=True, length=32), nullable=False),
        sa.Column('invited_by_user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['invited_by_user_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_invitations_organization_id_email', 'invitations', ['organization_id', 'email'])
    op.create_table(
        'account_actions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('admin_user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['admin_user_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_account_actions_organization_id', 'account_actions', ['organization_id'])
    # Everyone who signed up before addresses were checked keeps working as before: treated as verified.
    op.execute("UPDATE users SET email_verified_at = created_at")


def downgrade() -> None:
    op.drop_index('ix_account_actions_organization_id', table_name='account_actions')
    op.drop_table('account_actions')
    op.drop_index('ix_invitations_organization_id_email', table_name='invitations')
    op.drop_table('invitations')
    with op.batch_alter_table('organizations') as batch:
        batch.drop_column('suspended_at')
        batch.drop_column('logo_key')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('suspended_at')
        batch.drop_column('email_verified_at')
