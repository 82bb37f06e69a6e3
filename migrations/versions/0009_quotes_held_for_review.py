"""quotes held for review: statuses pending_review and rejected, pending_review is active, rejection_reason

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ('submitted', 'withdrawn', 'awarded', 'declined', 'expired')
NEW_STATUSES = (*OLD_STATUSES, 'pending_review', 'rejected')
OLD_ACTIVE = ('submitted', 'awarded')
NEW_ACTIVE = ('submitted', 'pending_review', 'awarded')
INDEX = 'uq_quotes_one_active_per_supplier'


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _set_statuses(statuses: tuple[str, ...], old_active: tuple[str, ...], active: tuple[str, ...]) -> None:
    """The status is a string with a CHECK constraint and the one-active-quote index is partial on it: both are
    replaced (batch mode rebuilds the table on SQLite)."""
    old_where = sa.text(f"status IN ({_listed(old_active)})")
    where = sa.text(f"status IN ({_listed(active)})")
    with op.batch_alter_table('quotes') as batch_op:
        batch_op.drop_index(INDEX, sqlite_where=old_where, postgresql_where=old_where)
        batch_op.drop_constraint(op.f('ck_quotes_quote_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_quotes_quote_status'), f"status IN ({_listed(statuses)})")
        batch_op.create_index(INDEX, ['rfq_id', 'organization_id'], unique=True, sqlite_where=where,
                              postgresql_where=where)


def upgrade() -> None:
    with op.batch_alter_table('quotes') as batch_op:
        batch_op.add_column(sa.Column('rejection_reason', sa.Text(), nullable=True))
    _set_statuses(NEW_STATUSES, OLD_ACTIVE, NEW_ACTIVE)


def downgrade() -> None:
    op.execute("UPDATE quotes SET status = 'withdrawn' WHERE status IN ('pending_review', 'rejected')")
    _set_statuses(OLD_STATUSES, NEW_ACTIVE, OLD_ACTIVE)
    with op.batch_alter_table('quotes') as batch_op:
        batch_op.drop_column('rejection_reason')
