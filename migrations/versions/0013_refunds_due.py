"""refunds due: a payment that arrived for an invoice already paid (or void) is kept until it is refunded

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 06:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROVIDER = sa.Enum('manual', 'card_gateway', name='payment_provider', native_enum=False, create_constraint=True,
                   length=32)


def upgrade() -> None:
    op.create_table(
        'refunds_due',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('invoice_id', sa.Integer(), nullable=False),
        sa.Column('provider', PROVIDER, nullable=False),
        sa.Column('reference', sa.String(length=120), nullable=False),
        sa.Column('event_id', sa.String(length=120), nullable=True),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('refunded_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_refunds_due_invoice_id_invoices'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_refunds_due')),
    )
    op.create_index(op.f('ix_refunds_due_invoice_id'), 'refunds_due', ['invoice_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_refunds_due_invoice_id'), table_name='refunds_due')
    op.drop_table('refunds_due')
