"""The 21 sections of the Harmonized System (I to XXI) and their names, read once from the file shipped beside the
HS table; the table's rows name their section by its roman numeral."""

import csv
from dataclasses import dataclass
from functools import cache

from matching.hs.table import HS_CSV

SECTIONS_CSV = HS_CSV.with_name("hs-sections.csv")


@dataclass(frozen=True)
class HsSection:
    numeral: str
    name: str


def sentence_case(text: str) -> str:
    """`live animals; animal products` -> `Live animals; animal products`: the file mixes cases."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


@cache
def hs_sections() -> tuple[HsSection, ...]:
    """Every section, in HS order (the file's order). The file starts with a byte-order mark (utf-8-sig)."""
    with SECTIONS_CSV.open(newline="", encoding="utf-8-sig") as handle:
        return tuple(HsSection(row["section"].strip().upper(), sentence_case(row["name"]))
                     for row in csv.DictReader(handle))


def hs_section(numeral: str) -> HsSection | None:
    """The section of this numeral (any case), or None."""
    wanted = numeral.strip().upper()
    return next((section for section in hs_sections() if section.numeral == wanted), None)
