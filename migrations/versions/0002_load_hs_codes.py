"""Load the Harmonized System nomenclature into hs_codes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.hs_table import read_hs_rows

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

hs_codes = sa.table(
    "hs_codes",
    sa.column("code", sa.String),
    sa.column("level", sa.SmallInteger),
    sa.column("description", sa.Text),
    sa.column("parent_code", sa.String),
    sa.column("section", sa.String),
    sa.column("chapter", sa.String),
    sa.column("heading", sa.String),
)


def upgrade() -> None:
    rows = [dict(row) for row in read_hs_rows()]
    for level in (2, 4, 6):
        op.bulk_insert(hs_codes, [row for row in rows if row["level"] == level])


def downgrade() -> None:
    for level in (6, 4, 2):
        op.execute(hs_codes.delete().where(hs_codes.c.level == level))
