"""rfqs.required_constraints: the matching factors a buyer marked as hard constraints

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('rfqs') as batch:
        batch.add_column(sa.Column('required_constraints', JSON_LIST, nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('rfqs') as batch:
        batch.drop_column('required_constraints')
