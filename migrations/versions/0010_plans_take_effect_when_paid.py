"""plans take effect when paid: subscription status pending_payment, invoices.grants_tier_id, a void invoice
leaves its period free for the next one

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 23:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ('active', 'past_due', 'canceled', 'expired')
NEW_STATUSES = ('pending_payment', *OLD_STATUSES)
CHECK = 'ck_subscriptions_subscription_status'
PERIOD_INDEX = 'uq_invoices_one_per_period'
OLD_PERIOD = "purpose IN ('subscription', 'renewal')"
NEW_PERIOD = f"{OLD_PERIOD} AND status != 'void'"


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _set_statuses(statuses: tuple[str, ...]) -> None:
    """The status is a string with a CHECK constraint: replaced (batch mode rebuilds the table on SQLite)."""
    with op.batch_alter_table('subscriptions') as batch_op:
        batch_op.drop_constraint(op.f(CHECK), type_='check')
        batch_op.create_check_constraint(op.f(CHECK), f"status IN ({_listed(statuses)})")


def _set_period_index(old: str, new: str) -> None:
    op.drop_index(PERIOD_INDEX, table_name='invoices', sqlite_where=sa.text(old), postgresql_where=sa.text(old))
    op.create_index(PERIOD_INDEX, 'invoices', ['subscription_id', 'period_start'], unique=True,
                    sqlite_where=sa.text(new), postgresql_where=sa.text(new))


def upgrade() -> None:
    _set_statuses(NEW_STATUSES)
    with op.batch_alter_table('invoices') as batch_op:
        batch_op.add_column(sa.Column('grants_tier_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f('fk_invoices_grants_tier_id_tiers'), 'tiers', ['grants_tier_id'], ['id'])
    _set_period_index(OLD_PERIOD, NEW_PERIOD)


def downgrade() -> None:
    # A plan never paid for is no plan: it ends, as an unpaid one does after its grace period. Void period invoices
    # beside a live one of the same period cannot stay under the old index: they become upgrade-purpose records.
    op.execute("UPDATE subscriptions SET status = 'expired' WHERE status = 'pending_payment'")
    op.execute("UPDATE invoices SET purpose = 'upgrade' WHERE status = 'void' AND purpose = 'subscription'")
    _set_period_index(NEW_PERIOD, OLD_PERIOD)
    _set_statuses(OLD_STATUSES)
    with op.batch_alter_table('invoices') as batch_op:
        batch_op.drop_constraint(op.f('fk_invoices_grants_tier_id_tiers'), type_='foreignkey')
        batch_op.drop_column('grants_tier_id')
