"""rfq_attachments: drawings and specifications (PDF or images) attached to RFQs

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'rfq_attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rfq_id', sa.Integer(), nullable=False),
        sa.Column('file_key', sa.String(length=200), nullable=False),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['rfq_id'], ['rfqs.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_rfq_attachments_rfq_id', 'rfq_attachments', ['rfq_id'])


def downgrade() -> None:
    op.drop_index('ix_rfq_attachments_rfq_id', table_name='rfq_attachments')
    op.drop_table('rfq_attachments')
