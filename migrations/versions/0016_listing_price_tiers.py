"""listings.price_tiers: unit prices by order quantity, a JSON list of {"min_quantity", "unit_price"} (decimal strings)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 19:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('listings') as batch:
        batch.add_column(sa.Column('price_tiers', JSON_LIST, nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('listings') as batch:
        batch.drop_column('price_tiers')
