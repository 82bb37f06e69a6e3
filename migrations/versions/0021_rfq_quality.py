"""rfq_quality: each RFQ's lead quality (0-100), the version of the points table that scored it, and its reasons

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 01:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('rfqs') as batch:
        batch.add_column(sa.Column('quality_score', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('quality_version', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('quality_reasons', JSON_LIST, nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('rfqs') as batch:
        batch.drop_column('quality_reasons')
        batch.drop_column('quality_version')
        batch.drop_column('quality_score')
