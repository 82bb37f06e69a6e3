"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 09:33:30.308612
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('hs_codes',
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('parent_code', sa.String(length=6), nullable=True),
    sa.Column('section', sa.String(length=5), nullable=False),
    sa.Column('chapter', sa.String(length=2), nullable=False),
    sa.Column('heading', sa.String(length=4), nullable=True),
    sa.ForeignKeyConstraint(['parent_code'], ['hs_codes.code'], name=op.f('fk_hs_codes_parent_code_hs_codes')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_hs_codes'))
    )
    with op.batch_alter_table('hs_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hs_codes_chapter'), ['chapter'], unique=False)
        batch_op.create_index(batch_op.f('ix_hs_codes_heading'), ['heading'], unique=False)
        batch_op.create_index(batch_op.f('ix_hs_codes_parent_code'), ['parent_code'], unique=False)

    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('client_address', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_client_address'), ['client_address'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_email'), ['email'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('supplier', 'buyer', 'both', name='organization_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('business_type', sa.Enum('manufacturer', 'trading_company', 'agent', 'distributor', 'wholesaler', 'retailer', 'service_provider', 'other', name='business_type', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('year_established', sa.Integer(), nullable=True),
    sa.Column('employee_range', sa.Enum('1-10', '11-50', '51-200', '201-500', '501-1000', '1001+', name='employee_range', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('export_markets', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('certifications', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verification_level', sa.String(length=32), nullable=True),
    sa.Column('verification_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations')),
    sa.UniqueConstraint('slug', name=op.f('uq_organizations_slug'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.Enum('listing', 'rfq', 'organization', name='entity_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('operation', sa.Enum('upsert', 'delete', name='outbox_operation', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('parked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_pending', ['processed_at', 'id'], unique=False)

    op.create_table('listings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('hs_code', sa.String(length=6), nullable=True),
    sa.Column('keywords', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('specs', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('moq', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('moq_unit', sa.Enum('piece', 'set', 'pair', 'dozen', 'g', 'kg', 'metric_ton', 'litre', 'cubic_metre', 'metre', 'square_metre', 'roll', 'bag', 'box', 'carton', 'pallet', 'barrel', 'container_20ft', 'container_40ft', name='unit', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('price_min', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('price_max', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('incoterm', sa.Enum('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', name='incoterm', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('port_of_loading', sa.String(length=120), nullable=True),
    sa.Column('lead_time_days', sa.Integer(), nullable=True),
    sa.Column('supply_capacity_per_month', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('country_of_origin', sa.String(length=2), nullable=True),
    sa.Column('certifications', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('status', sa.Enum('draft', 'pending_review', 'published', 'rejected', 'archived', name='listing_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('moq > 0', name=op.f('ck_listings_moq_positive')),
    sa.CheckConstraint('price_min IS NULL OR price_max IS NULL OR price_min <= price_max', name=op.f('ck_listings_price_range')),
    sa.ForeignKeyConstraint(['hs_code'], ['hs_codes.code'], name=op.f('fk_listings_hs_code_hs_codes')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_listings_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listings'))
    )
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listings_hs_code'), ['hs_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_listings_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index('ix_listings_status_published_at', ['status', 'published_at'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('member_role', sa.Enum('owner', 'member', name='member_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('is_platform_admin', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_users_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_organization_id'), ['organization_id'], unique=False)

    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('rfqs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('hs_code', sa.String(length=6), nullable=True),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit', sa.Enum('piece', 'set', 'pair', 'dozen', 'g', 'kg', 'metric_ton', 'litre', 'cubic_metre', 'metre', 'square_metre', 'roll', 'bag', 'box', 'carton', 'pallet', 'barrel', 'container_20ft', 'container_40ft', name='unit', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('target_unit_price', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('incoterm', sa.Enum('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', name='incoterm', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('destination_country', sa.String(length=2), nullable=True),
    sa.Column('destination_port', sa.String(length=120), nullable=True),
    sa.Column('required_certifications', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'pending_review', 'open', 'closed', 'awarded', 'expired', 'rejected', name='rfq_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('max_quotes', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('max_quotes > 0', name=op.f('ck_rfqs_max_quotes_positive')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_rfqs_quantity_positive')),
    sa.ForeignKeyConstraint(['hs_code'], ['hs_codes.code'], name=op.f('fk_rfqs_hs_code_hs_codes')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_rfqs_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rfqs_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rfqs'))
    )
    with op.batch_alter_table('rfqs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rfqs_hs_code'), ['hs_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfqs_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index('ix_rfqs_status_valid_until', ['status', 'valid_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfqs_user_id'), ['user_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rfq_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit', sa.Enum('piece', 'set', 'pair', 'dozen', 'g', 'kg', 'metric_ton', 'litre', 'cubic_metre', 'metre', 'square_metre', 'roll', 'bag', 'box', 'carton', 'pallet', 'barrel', 'container_20ft', 'container_40ft', name='unit', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('incoterm', sa.Enum('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', name='incoterm', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('lead_time_days', sa.Integer(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'withdrawn', 'awarded', 'declined', 'expired', name='quote_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_quotes_quantity_positive')),
    sa.CheckConstraint('unit_price > 0', name=op.f('ck_quotes_unit_price_positive')),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_quotes_listing_id_listings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_quotes_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rfq_id'], ['rfqs.id'], name=op.f('fk_quotes_rfq_id_rfqs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_quotes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_rfq_id'), ['rfq_id'], unique=False)
        batch_op.create_index('uq_quotes_one_active_per_supplier', ['rfq_id', 'organization_id'], unique=True, sqlite_where=sa.text("status IN ('submitted', 'awarded')"), postgresql_where=sa.text("status IN ('submitted', 'awarded')"))




def downgrade() -> None:

    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('uq_quotes_one_active_per_supplier', sqlite_where=sa.text("status IN ('submitted', 'awarded')"), postgresql_where=sa.text("status IN ('submitted', 'awarded')"))
        batch_op.drop_index(batch_op.f('ix_quotes_rfq_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_organization_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('rfqs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rfqs_user_id'))
        batch_op.drop_index('ix_rfqs_status_valid_until')
        batch_op.drop_index(batch_op.f('ix_rfqs_organization_id'))
        batch_op.drop_index(batch_op.f('ix_rfqs_hs_code'))

    op.drop_table('rfqs')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_organization_id'))

    op.drop_table('users')
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index('ix_listings_status_published_at')
        batch_op.drop_index(batch_op.f('ix_listings_organization_id'))
        batch_op.drop_index(batch_op.f('ix_listings_hs_code'))

    op.drop_table('listings')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_pending')

    op.drop_table('outbox')
    op.drop_table('organizations')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_email'))
        batch_op.drop_index(batch_op.f('ix_login_failures_created_at'))
        batch_op.drop_index(batch_op.f('ix_login_failures_client_address'))

    op.drop_table('login_failures')
    with op.batch_alter_table('hs_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hs_codes_parent_code'))
        batch_op.drop_index(batch_op.f('ix_hs_codes_heading'))
        batch_op.drop_index(batch_op.f('ix_hs_codes_chapter'))

    op.drop_table('hs_codes')

