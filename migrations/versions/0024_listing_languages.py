"""listings.language and listings.translations: the language a listing is written in, and its title and description
in further languages, a JSON object {"zh-Hans": {"title": ..., "description": ...}, ...}

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 12:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_OBJECT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('listings') as batch:
        batch.add_column(sa.Column('language', sa.String(length=10), nullable=False, server_default='en'))
        batch.add_column(sa.Column('translations', JSON_OBJECT, nullable=False, server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('listings') as batch:
        batch.drop_column('translations')
        batch.drop_column('language')
