"""Membership: tiers (seeded Free/Silver/Gold/Platinum), subscriptions, invoices, payment events, lead views,
and the listing status "unpublished"

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:44:10.306931
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LISTING_STATUSES = ("draft", "pending_review", "published", "rejected", "archived")
TIER_COLUMNS = ("code", "name", "rank", "is_default", "currency", "price_monthly", "price_yearly",
                "max_published_listings", "quotes_per_month", "rfqs_per_month", "contact_details_visible",
                "leads_per_day", "ranking_boost", "badge", "showcase_slots", "keyword_bidding", "max_members")
# Free keeps the demo and the foundation tests working: 20 published listings, 10 quotes and 20 RFQs a month.
DEFAULT_TIERS = (
    ("free", "Free", 0, True, "USD", "0", "0", 20, 10, 20, False, 5, "0", None, 0, False, 1),
    ("silver", "Silver", 1, False, "USD", "49", "490", 100, 50, 50, False, 25, "0.01", "Silver Supplier", 1,
     False, 3),
    ("gold", "Gold", 2, False, "USD", "149", "1490", 500, 200, 200, True, 100, "0.03", "Gold Supplier", 3,
     True, 10),
    ("platinum", "Platinum", 3, False, "USD", "399", "3990", None, None, None, True, None, "0.05",
     "Platinum Supplier", 10, True, None),
)


def _set_listing_statuses(statuses: tuple[str, ...]) -> None:
    allowed = ", ".join(f"'{status}'" for status in statuses)
    with op.batch_alter_table("listings") as batch_op:
        batch_op.drop_constraint(op.f("ck_listings_listing_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_listings_listing_status"), f"status IN ({allowed})")


def _seed_tiers() -> None:
    now = datetime.now(UTC)
    types = {"price_monthly": sa.Numeric(18, 4), "price_yearly": sa.Numeric(18, 4), "ranking_boost": sa.Numeric(5, 4),
             "created_at": sa.DateTime(timezone=True), "updated_at": sa.DateTime(timezone=True)}
    names = (*TIER_COLUMNS, "created_at", "updated_at")
    tiers = sa.table("tiers", *(sa.column(name, types.get(name)) for name in names))
    rows = [dict(zip(TIER_COLUMNS, values, strict=True)) for values in DEFAULT_TIERS]
    for row in rows:
        for money in ("price_monthly", "price_yearly", "ranking_boost"):
            row[money] = Decimal(row[money])
    op.bulk_insert(tiers, [{**row, "created_at": now, "updated_at": now} for row in rows])


def upgrade() -> None:
    op.create_table('invoice_counters',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_invoice_counters'))
    )
    op.create_table('payment_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.Enum('manual', 'card_gateway', name='payment_provider', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('event_id', sa.String(length=120), nullable=False),
    sa.Column('event_type', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_events')),
    sa.UniqueConstraint('provider', 'event_id', name=op.f('uq_payment_events_provider_event_id'))
    )
    op.create_table('tiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('price_monthly', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('price_yearly', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('max_published_listings', sa.Integer(), nullable=True),
    sa.Column('quotes_per_month', sa.Integer(), nullable=True),
    sa.Column('rfqs_per_month', sa.Integer(), nullable=True),
    sa.Column('contact_details_visible', sa.Boolean(), nullable=False),
    sa.Column('leads_per_day', sa.Integer(), nullable=True),
    sa.Column('ranking_boost', sa.Numeric(precision=5, scale=4), nullable=False),
    sa.Column('badge', sa.String(length=80), nullable=True),
    sa.Column('showcase_slots', sa.Integer(), nullable=False),
    sa.Column('keyword_bidding', sa.Boolean(), nullable=False),
    sa.Column('max_members', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('price_monthly >= 0 AND price_yearly >= 0', name=op.f('ck_tiers_prices_not_negative')),
    sa.CheckConstraint('ranking_boost >= 0 AND ranking_boost <= 0.05', name=op.f('ck_tiers_boost_bounded')),
    sa.CheckConstraint('showcase_slots >= 0', name=op.f('ck_tiers_showcase_slots_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tiers')),
    sa.UniqueConstraint('code', name=op.f('uq_tiers_code')),
    sa.UniqueConstraint('rank', name=op.f('uq_tiers_rank'))
    )
    op.create_table('subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('pending_tier_id', sa.Integer(), nullable=True),
    sa.Column('interval', sa.Enum('month', 'year', name='billing_interval', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('active', 'past_due', 'canceled', 'expired', name='subscription_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('provider', sa.Enum('manual', 'card_gateway', name='payment_provider', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('provider_customer_ref', sa.String(length=120), nullable=True),
    sa.Column('current_period_start', sa.Date(), nullable=False),
    sa.Column('current_period_end', sa.Date(), nullable=False),
    sa.Column('cancel_at_period_end', sa.Boolean(), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_payment_event_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_subscriptions_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pending_tier_id'], ['tiers.id'], name=op.f('fk_subscriptions_pending_tier_id_tiers')),
    sa.ForeignKeyConstraint(['tier_id'], ['tiers.id'], name=op.f('fk_subscriptions_tier_id_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscriptions')),
    sa.UniqueConstraint('organization_id', name=op.f('uq_subscriptions_organization_id'))
    )
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subscriptions_current_period_end'), ['current_period_end'], unique=False)
        batch_op.create_index(batch_op.f('ix_subscriptions_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_subscriptions_tier_id'), ['tier_id'], unique=False)

    op.create_table('invoices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.Enum('subscription', 'renewal', 'upgrade', name='invoice_purpose', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('open', 'paid', 'void', name='invoice_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('provider', sa.Enum('manual', 'card_gateway', name='payment_provider', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('payment_reference', sa.String(length=120), nullable=True),
    sa.Column('reminders_sent', sa.Integer(), nullable=False),
    sa.Column('last_reminder_on', sa.Date(), nullable=True),
    sa.Column('bill_to', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_invoices_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_invoices_subscription_id_subscriptions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('number', name=op.f('uq_invoices_number')),
    sa.UniqueConstraint('year', 'sequence', name=op.f('uq_invoices_year_sequence'))
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoices_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_status'), ['status'], unique=False)
        batch_op.create_index('uq_invoices_one_per_period', ['subscription_id', 'period_start'], unique=True, sqlite_where=sa.text("purpose IN ('subscription', 'renewal')"), postgresql_where=sa.text("purpose IN ('subscription', 'renewal')"))

    op.create_table('invoice_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_lines_invoice_id_invoices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_lines_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('lead_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('rfq_id', sa.Integer(), nullable=False),
    sa.Column('viewed_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_lead_views_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rfq_id'], ['rfqs.id'], name=op.f('fk_lead_views_rfq_id_rfqs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_views')),
    sa.UniqueConstraint('organization_id', 'viewed_on', 'rfq_id', name=op.f('uq_lead_views_organization_id_viewed_on_rfq_id'))
    )
    with op.batch_alter_table('lead_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_views_rfq_id'), ['rfq_id'], unique=False)

    _set_listing_statuses((*LISTING_STATUSES, "unpublished"))
    _seed_tiers()


def downgrade() -> None:
    op.execute(sa.text("UPDATE listings SET status = 'published' WHERE status = 'unpublished'"))
    _set_listing_statuses(LISTING_STATUSES)
    with op.batch_alter_table('lead_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lead_views_rfq_id'))

    op.drop_table('lead_views')
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_lines_invoice_id'))

    op.drop_table('invoice_lines')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index('uq_invoices_one_per_period', sqlite_where=sa.text("purpose IN ('subscription', 'renewal')"), postgresql_where=sa.text("purpose IN ('subscription', 'renewal')"))
        batch_op.drop_index(batch_op.f('ix_invoices_status'))
        batch_op.drop_index(batch_op.f('ix_invoices_organization_id'))

    op.drop_table('invoices')
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subscriptions_tier_id'))
        batch_op.drop_index(batch_op.f('ix_subscriptions_status'))
        batch_op.drop_index(batch_op.f('ix_subscriptions_current_period_end'))

    op.drop_table('subscriptions')
    op.drop_table('tiers')
    op.drop_table('payment_events')
    op.drop_table('invoice_counters')
