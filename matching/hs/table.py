"""The Harmonized System table shipped with the package (public domain, UN Comtrade via datasets/harmonized-system)."""

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TypedDict

HS_CSV = Path(__file__).parent / "data" / "harmonized-system.csv"
LEVELS = (2, 4, 6)
# The table keeps Comtrade's 99 / 9999 / 999999 "commodities not specified according to kind" (section TOTAL):
# a statistical bucket, not a classification a product can have.
UNCLASSIFIED_SECTION = "TOTAL"


class HsRow(TypedDict):
    code: str
    level: int
    description: str
    parent_code: str | None
    section: str
    chapter: str
    heading: str | None


def read_hs_rows(path: Path = HS_CSV) -> Iterator[HsRow]:
    """Chapters, headings and subheadings, parents before children; the 'TOTAL' pseudo-row is skipped."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if int(row["level"]) in LEVELS]
    for row in sorted(rows, key=lambda row: (int(row["level"]), row["hscode"])):
        code = row["hscode"]
        level = int(row["level"])
        yield HsRow(
            code=code,
            level=level,
            description=row["description"],
            parent_code=None if level == 2 else row["parent"],
            section=row["section"],
            chapter=code[:2],
            heading=code[:4] if level >= 4 else None,
        )
