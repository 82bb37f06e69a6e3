"""Load the Harmonized System nomenclature into hs_codes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

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


# The table shipped with the package (matching/hs/table.py reads the same file). The reader below is this
# revision's own frozen copy, so that later changes to the application's reader cannot change what 0002 loads.
HS_CSV = Path(__file__).resolve().parents[2] / "matching" / "hs" / "data" / "harmonized-system.csv"
LEVELS = (2, 4, 6)


def read_hs_rows(path: Path = HS_CSV) -> list[dict[str, Any]]:
    """Chapters, headings and subheadings, parents before children; the 'TOTAL' pseudo-row is skipped."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if int(row["level"]) in LEVELS]
    found = []
    for row in sorted(rows, key=lambda row: (int(row["level"]), row["hscode"])):
        code = row["hscode"]
        level = int(row["level"])
        found.append({
            "code": code,
            "level": level,
            "description": row["description"],
            "parent_code": None if level == 2 else row["parent"],
            "section": row["section"],
            "chapter": code[:2],
            "heading": code[:4] if level >= 4 else None,
        })
    return found


def upgrade() -> None:
    rows = read_hs_rows()
    for level in (2, 4, 6):
        op.bulk_insert(hs_codes, [row for row in rows if row["level"] == level])


def downgrade() -> None:
    for level in (6, 4, 2):
        op.execute(hs_codes.delete().where(hs_codes.c.level == level))
