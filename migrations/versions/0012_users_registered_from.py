"""users.registered_from: the address that signed a user up, so sign-ups per address can be limited

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 05:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('registered_from', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_registered_from'), ['registered_from'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_registered_from'))
        batch_op.drop_column('registered_from')
