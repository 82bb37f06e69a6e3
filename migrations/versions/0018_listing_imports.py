"""listing_imports: bulk imports of listings uploaded in the browser or the API, worked off by a worker

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table(
        'listing_imports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('file_format', sa.String(length=8), nullable=False),
        sa.Column('file_key', sa.String(length=200), nullable=False),
        sa.Column('submit', sa.Boolean(), nullable=False),
        sa.Column('total_rows', sa.Integer(), nullable=False),
        sa.Column('handled_rows', sa.Integer(), nullable=False),
        sa.Column('imported', sa.Integer(), nullable=False),
        sa.Column('row_errors', JSON_LIST, nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('parked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('claimed_by', sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_listing_imports_organization_id', 'listing_imports', ['organization_id'])


def downgrade() -> None:
    op.drop_index('ix_listing_imports_organization_id', table_name='listing_imports')
    op.drop_table('listing_imports')
