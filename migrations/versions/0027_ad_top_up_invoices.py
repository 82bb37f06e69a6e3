"""invoices.purpose may be ad_top_up: prepaid advertising credit, credited to the ad balance (a ledger account) once
the invoice is paid

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 19:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0027'
down_revision: str | None = '0026'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PURPOSES = ('subscription', 'renewal', 'upgrade')
AD_TOP_UP = 'ad_top_up'


def _set_purposes(purposes: tuple[str, ...]) -> None:
    """The purpose is a string with a CHECK constraint: widening it replaces the constraint (batch mode rebuilds the
    table on SQLite)."""
    allowed = ", ".join(f"'{purpose}'" for purpose in purposes)
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.drop_constraint(op.f("ck_invoices_invoice_purpose"), type_="check")
        batch_op.create_check_constraint(op.f("ck_invoices_invoice_purpose"), f"purpose IN ({allowed})")


def upgrade() -> None:
    _set_purposes((*PURPOSES, AD_TOP_UP))


def downgrade() -> None:
    top_ups = f"SELECT id FROM invoices WHERE purpose = '{AD_TOP_UP}'"
    for table in ("invoice_lines", "refunds_due"):
        op.execute(f"DELETE FROM {table} WHERE invoice_id IN ({top_ups})")
    op.execute(f"DELETE FROM invoices WHERE purpose = '{AD_TOP_UP}'")
    _set_purposes(PURPOSES)
