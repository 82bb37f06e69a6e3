"""inquiries, moderation decisions, e-mail retry time

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:07:48.764992
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('inquiries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=False),
    sa.Column('buyer_organization_id', sa.Integer(), nullable=False),
    sa.Column('supplier_organization_id', sa.Integer(), nullable=False),
    sa.Column('started_by_user_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('unit', sa.Enum('piece', 'set', 'pair', 'dozen', 'g', 'kg', 'metric_ton', 'litre', 'cubic_metre', 'metre', 'square_metre', 'roll', 'bag', 'box', 'carton', 'pallet', 'barrel', 'container_20ft', 'container_40ft', name='unit', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('buyer_last_read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('supplier_last_read_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('buyer_organization_id <> supplier_organization_id', name=op.f('ck_inquiries_two_parties')),
    sa.CheckConstraint('quantity IS NULL OR quantity > 0', name=op.f('ck_inquiries_quantity_positive')),
    sa.ForeignKeyConstraint(['buyer_organization_id'], ['organizations.id'], name=op.f('fk_inquiries_buyer_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_inquiries_listing_id_listings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['started_by_user_id'], ['users.id'], name=op.f('fk_inquiries_started_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['supplier_organization_id'], ['organizations.id'], name=op.f('fk_inquiries_supplier_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiries'))
    )
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.create_index('ix_inquiries_buyer_last_message', ['buyer_organization_id', 'last_message_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index('ix_inquiries_started_by_created', ['started_by_user_id', 'created_at'], unique=False)
        batch_op.create_index('ix_inquiries_supplier_last_message', ['supplier_organization_id', 'last_message_at'], unique=False)

    op.create_table('moderation_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.Enum('approved', 'rejected', name='moderation_decision_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reason_code', sa.Enum('prohibited_item', 'incomplete', 'misleading', 'duplicate', 'contact_details_in_text', 'other', name='moderation_reason', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('admin_user_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['admin_user_id'], ['users.id'], name=op.f('fk_moderation_decisions_admin_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_decisions'))
    )
    with op.batch_alter_table('moderation_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_decisions_decided_at', ['decided_at'], unique=False)
        batch_op.create_index('ix_moderation_decisions_entity', ['entity_type', 'entity_id'], unique=False)

    op.create_table('inquiry_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], name=op.f('fk_inquiry_messages_inquiry_id_inquiries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_inquiry_messages_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_inquiry_messages_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry_messages'))
    )
    with op.batch_alter_table('inquiry_messages', schema=None) as batch_op:
        batch_op.create_index('ix_inquiry_messages_inquiry_created', ['inquiry_id', 'created_at'], unique=False)

    with op.batch_alter_table('outgoing_emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('outgoing_emails', schema=None) as batch_op:
        batch_op.drop_column('next_attempt_at')

    with op.batch_alter_table('inquiry_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_inquiry_messages_inquiry_created')

    op.drop_table('inquiry_messages')
    with op.batch_alter_table('moderation_decisions', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_decisions_entity')
        batch_op.drop_index('ix_moderation_decisions_decided_at')

    op.drop_table('moderation_decisions')
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_index('ix_inquiries_supplier_last_message')
        batch_op.drop_index('ix_inquiries_started_by_created')
        batch_op.drop_index(batch_op.f('ix_inquiries_listing_id'))
        batch_op.drop_index('ix_inquiries_buyer_last_message')

    op.drop_table('inquiries')
