"""showcase_picks: the listings each supplier put in its plan's showcase slots

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0026'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'showcase_picks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('listing_id', sa.Integer(), nullable=False),
        sa.Column('picked_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_showcase_picks_listing_id_listings'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                                name=op.f('fk_showcase_picks_organization_id_organizations'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_picks')),
        sa.UniqueConstraint('listing_id', name=op.f('uq_showcase_picks_listing_id')),
    )
    op.create_index(op.f('ix_showcase_picks_organization_id'), 'showcase_picks', ['organization_id'])


def downgrade() -> None:
    op.drop_table('showcase_picks')
