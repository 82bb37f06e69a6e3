"""refunds due: one row per payment (invoice, provider, reference), so a charge reported twice is refunded once

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 08:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows a second event of the same charge added before this revision: the first one stays.
    op.execute("DELETE FROM refunds_due WHERE id NOT IN (SELECT MIN(id) FROM refunds_due "
               "GROUP BY invoice_id, provider, reference)")
    op.create_index('uq_refunds_due_payment', 'refunds_due', ['invoice_id', 'provider', 'reference'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_refunds_due_payment', table_name='refunds_due')
