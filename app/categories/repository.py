"""Queries of the category pages: HS rows (chapters, a code with its ancestors, a code's children) and, over the
same published listings the pages list (app.listings.repository.listings_query), counts per HS prefix and per
supplier."""

from collections.abc import Sequence

from sqlalchemy import Row, Subquery, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.listings.repository import ListingFilters, listings_query
from app.models import HsCode, Organization
from matching.hs.table import UNCLASSIFIED_SECTION

CLASSIFIED = HsCode.section != UNCLASSIFIED_SECTION


async def chapters(session: AsyncSession, section: str | None = None) -> Sequence[HsCode]:
    """Every chapter of the table (of one section, when given), in HS order; never the unclassified bucket."""
    statement = select(HsCode).where(HsCode.level == 2, CLASSIFIED).order_by(HsCode.code)
    if section is not None:
        statement = statement.where(HsCode.section == section)
    return (await session.scalars(statement)).all()


async def with_ancestors(session: AsyncSession, code: str) -> dict[str, HsCode]:
    """A chapter, heading or subheading and the codes above it (its chapter, its heading), by code, in one query."""
    codes = {code[:2], code[:4], code}
    rows = await session.scalars(select(HsCode).where(HsCode.code.in_(codes), CLASSIFIED))
    return {row.code: row for row in rows}


async def children(session: AsyncSession, code: str) -> Sequence[HsCode]:
    """The headings of a chapter or the subheadings of a heading, in HS order."""
    rows = await session.scalars(select(HsCode).where(HsCode.parent_code == code, CLASSIFIED).order_by(HsCode.code))
    return rows.all()


def _listed(filters: ListingFilters) -> Subquery:
    """The listings a visitor sees under these filters: exactly those the category pages list."""
    return listings_query(filters, set()).order_by(None).subquery()


async def counts_by_prefix(session: AsyncSession, filters: ListingFilters, length: int) -> dict[str, int]:
    """How many listings there are under each HS prefix of `length` digits (chapter 2, heading 4, subheading 6), in
    one GROUP BY. A listing classified at a heading counts, by subheadings, under its 4 digits: under no subheading."""
    counts, _ = await _counted(session, filters, length, uncoded=False)
    return counts


async def counts_by_prefix_and_uncoded(session: AsyncSession, filters: ListingFilters,
                                       length: int) -> tuple[dict[str, int], int]:
    """counts_by_prefix, and how many of the listings have no HS code, in the same one GROUP BY: the two add up to
    every listing under these filters."""
    return await _counted(session, filters, length, uncoded=True)


async def _counted(session: AsyncSession, filters: ListingFilters, length: int,
                   uncoded: bool) -> tuple[dict[str, int], int]:
    listed = _listed(filters)
    prefix = func.substr(listed.c.hs_code, 1, length)
    statement = select(prefix, func.count()).group_by(prefix)
    if not uncoded:
        statement = statement.where(listed.c.hs_code.is_not(None))
    counts: dict[str, int] = {}
    without_code = 0
    for code, count in await session.execute(statement):
        if code is None:
            without_code = int(count)
        else:
            counts[str(code)] = int(count)
    return counts, without_code


async def suppliers(session: AsyncSession, filters: ListingFilters, limit: int) -> Sequence[Row[str, str, str, int]]:
    """The organisations with listings under these filters (name, slug, country, listings), most listings first."""
    listed = _listed(filters)
    count = func.count().label("listings")
    statement = (select(Organization.name, Organization.slug, Organization.country, count)
                 .join(listed, listed.c.organization_id == Organization.id)
                 .group_by(Organization.id, Organization.name, Organization.slug, Organization.country)
                 .order_by(count.desc(), Organization.name, Organization.id).limit(limit))
    return (await session.execute(statement)).all()
