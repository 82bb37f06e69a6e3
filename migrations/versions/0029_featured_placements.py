"""featured_placements: paid featured-supplier placements in an HS chapter (booth promotion); invoices.purpose may
be featured_supplier

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0029'
down_revision: str | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PURPOSES = ('subscription', 'renewal', 'upgrade', 'ad_top_up')
FEATURED = 'featured_supplier'


def _set_purposes(purposes: tuple[str, ...]) -> None:
    """As 0027: the CHECK constraint replaced (batch mode rebuilds the table on SQLite)."""
    allowed = ", ".join(f"'{purpose}'" for purpose in purposes)
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.drop_constraint(op.f("ck_invoices_invoice_purpose"), type_="check")
        batch_op.create_check_constraint(op.f("ck_invoices_invoice_purpose"), f"purpose IN ({allowed})")


def upgrade() -> None:
    _set_purposes((*PURPOSES, FEATURED))
    op.create_table(
        'featured_placements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('chapter', sa.String(length=2), nullable=False),
        sa.Column('invoice_id', sa.Integer(), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'],
                                name=op.f('fk_featured_placements_invoice_id_invoices'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                                name=op.f('fk_featured_placements_organization_id_organizations'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_featured_placements')),
        sa.UniqueConstraint('invoice_id', name=op.f('uq_featured_placements_invoice_id')),
    )
    op.create_index('ix_featured_placements_chapter_ends_on', 'featured_placements', ['chapter', 'ends_on'])
    op.create_index(op.f('ix_featured_placements_organization_id'), 'featured_placements', ['organization_id'])


def downgrade() -> None:
    op.drop_table('featured_placements')
    featured = f"SELECT id FROM invoices WHERE purpose = '{FEATURED}'"
    for table in ("invoice_lines", "refunds_due"):
        op.execute(f"DELETE FROM {table} WHERE invoice_id IN ({featured})")
    op.execute(f"DELETE FROM invoices WHERE purpose = '{FEATURED}'")
    _set_purposes(PURPOSES)
