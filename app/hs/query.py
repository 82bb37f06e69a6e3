"""A search query that is an HS code: `848180`, `8481.80`, `8481 80`, `HS 8481`, `84`: the code of a chapter (2
digits), heading (4) or subheading (6) of the stored HS 2022 table, whose subtree the search is filtered to."""

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.validators import HS_EDITION
from app.hs.repository import code_row

__all__ = ["HS_EDITION", "HsQuery", "display_code", "hs_code_text", "hs_query", "short_description"]

_HS_QUERY = re.compile(r"^\s*(?:hs(?:\s*code)?\s*:?\s*)?(\d{2}(?:[.\s]*\d{2}){0,2})\s*$", re.IGNORECASE)
LEVEL_FIELDS = {2: "hs_chapter", 4: "hs_heading", 6: "hs_subheading"}
LEVEL_NAMES = {2: "chapter", 4: "heading", 6: "subheading"}


def hs_code_text(text: str) -> str | None:
    """The digits of a query made of one HS code (2, 4 or 6 digits, with or without dots or spaces, optionally
    after `HS` or `HS code`); None for any other query."""
    matched = _HS_QUERY.match(text)
    return re.sub(r"\D", "", matched.group(1)) if matched else None


def display_code(code: str) -> str:
    """`848180` -> `8481.80`, `8481` -> `8481`, `84` -> `84`."""
    return f"{code[:4]}.{code[4:]}" if len(code) == 6 else code


def short_description(description: str, limit: int = 48) -> str:
    """An HS description's first clause, cut at a word near `limit` characters (for facets and breadcrumbs)."""
    clause = description.split(";")[0].strip()
    return clause if len(clause) <= limit else clause[:limit].rsplit(" ", 1)[0].rstrip(",") + "\u2026"


@dataclass(frozen=True)
class HsQuery:
    code: str
    level: int
    description: str

    @property
    def display(self) -> str:
        return display_code(self.code)

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def field(self) -> str:
        """The search filter of this level: hs_chapter, hs_heading or hs_subheading."""
        return LEVEL_FIELDS[self.level]

    @property
    def chapter(self) -> str:
        return self.code[:2]


async def hs_query(session: AsyncSession, text: str) -> HsQuery | None:
    """The HS code a query consists of, when the table has it as a chapter, heading or subheading."""
    code = hs_code_text(text)
    if code is None:
        return None
    row = await code_row(session, code)
    if row is None or row.level not in LEVEL_FIELDS:
        return None
    return HsQuery(row.code, row.level, row.description)
