"""Queries of the stored HS table."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import HsCode
from matching.hs.table import UNCLASSIFIED_SECTION


async def usable_code(session: AsyncSession, code: str) -> str | None:
    """The code when it is a 4-digit heading or 6-digit subheading of the table outside the unclassified bucket."""
    return await session.scalar(select(HsCode.code).where(
        HsCode.code == code, HsCode.level.in_((4, 6)), HsCode.section != UNCLASSIFIED_SECTION
    ))


async def code_row(session: AsyncSession, code: str) -> HsCode | None:
    """The table's row of a chapter, heading or subheading outside the unclassified bucket."""
    return await session.scalar(select(HsCode).where(HsCode.code == code, HsCode.section != UNCLASSIFIED_SECTION))


async def descriptions(session: AsyncSession, codes: set[str]) -> dict[str, str]:
    """Code -> description for those of `codes` the table has."""
    if not codes:
        return {}
    rows = await session.execute(select(HsCode.code, HsCode.description).where(HsCode.code.in_(codes)))
    return {row.code: row.description for row in rows}
