"""Browsing by HS category: the 21 sections with their chapters, and one section, chapter, heading or subheading
with the categories under it, its published listings and its suppliers. Every count is of published listings, in
one GROUP BY per page; the unclassified bucket of the table (99) is no category."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.categories import repository
from app.categories.schemas import Level
from app.core.errors import AppError, not_found
from app.core.repository import Page, by_id
from app.hs.query import LEVEL_FIELDS, display_code, short_description
from app.hs.sections import HsSection, hs_section, hs_sections
from app.listings.repository import ListingFilters
from app.listings.service import list_listings
from app.models import HsCode, Listing, Organization
from app.models.enums import ListingStatus

MAX_CODE_LENGTH = 12
HS_CODE = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{4}\.?[0-9]{2}")
LEVELS: dict[int, Level] = {2: "chapter", 4: "heading", 6: "subheading"}
CHILD_LEVELS: dict[Level, Level] = {"section": "chapter", "chapter": "heading", "heading": "subheading"}
PUBLISHED = ListingFilters(status=ListingStatus.PUBLISHED)
SUPPLIERS_SHOWN = 30


@dataclass(frozen=True)
class Category:
    code: str  # a section's numeral (XVI) or an HS code without dots (85, 8504, 850440)
    level: Level
    description: str

    @property
    def label(self) -> str:
        """`Section XVI`, `85`, `8504`, `8504.40`."""
        return f"Section {self.code}" if self.level == "section" else display_code(self.code)

    @property
    def short(self) -> str:
        return short_description(self.description)

    @property
    def url(self) -> str:
        return f"/categories/{self.code}"

    @property
    def child_level(self) -> Level | None:
        return CHILD_LEVELS.get(self.level)


@dataclass(frozen=True)
class Counted:
    category: Category
    listings: int


@dataclass(frozen=True)
class SectionEntry:
    section: Counted
    chapters: list[Counted]


@dataclass(frozen=True)
class Supplier:
    name: str
    slug: str
    country: str
    listings: int

    @property
    def url(self) -> str:
        return f"/suppliers/{self.slug}"


@dataclass(frozen=True)
class Located:
    """A category found by its code: the categories above it (the section first), the HS rows below it, and the
    filters of the listings under it."""

    category: Category
    trail: list[Category]
    children: Sequence[HsCode]
    filters: ListingFilters


@dataclass(frozen=True)
class CategoryPage:
    category: Category
    trail: list[Category]
    children: list[Counted]
    listings: Page[Listing]
    suppliers: list[Supplier]
    search_url: str


def unknown_category() -> AppError:
    return not_found("Category")


def section_category(section: HsSection) -> Category:
    return Category(section.numeral, "section", section.name)


def hs_category(row: HsCode) -> Category:
    return Category(row.code, LEVELS[row.level], row.description)


async def category_index(session: AsyncSession) -> list[SectionEntry]:
    """Every section in HS order with every chapter of it, listings or not: two queries."""
    counts = await repository.counts_by_prefix(session, PUBLISHED, 2)
    by_section: dict[str, list[Counted]] = {}
    for row in await repository.chapters(session):
        by_section.setdefault(row.section, []).append(Counted(hs_category(row), counts.get(row.code, 0)))
    return [_section_entry(section, by_section.get(section.numeral, [])) for section in hs_sections()]


def _section_entry(section: HsSection, chapters: list[Counted]) -> SectionEntry:
    return SectionEntry(Counted(section_category(section), sum(chapter.listings for chapter in chapters)), chapters)


def canonical_code(text: str) -> str | None:
    """`xvi` -> `XVI`, `8504.40` -> `850440`; None for anything but a section's numeral or an HS code of 2, 4 or 6
    digits."""
    if len(text) > MAX_CODE_LENGTH:
        return None
    section = hs_section(text)
    if section is not None:
        return section.numeral
    return text.replace(".", "") if HS_CODE.fullmatch(text) else None


async def locate(session: AsyncSession, text: str) -> Located:
    """The category a page's code names; 404 for a code of no category (or no code at all)."""
    code = canonical_code(text)
    if code is None:
        raise unknown_category()
    return await (_locate_code(session, code) if code[0].isdigit() else _locate_section(session, code))


async def _locate_section(session: AsyncSession, numeral: str) -> Located:
    section = hs_section(numeral)
    if section is None:
        raise unknown_category()
    chapters = await repository.chapters(session, section.numeral)
    filters = ListingFilters(status=ListingStatus.PUBLISHED, hs_chapters=tuple(row.code for row in chapters))
    return Located(section_category(section), [], chapters, filters)


async def _locate_code(session: AsyncSession, code: str) -> Located:
    rows = await repository.with_ancestors(session, code)
    row = rows.get(code)
    section = hs_section(row.section) if row is not None else None
    if row is None or section is None or row.level not in LEVELS:
        raise unknown_category()
    above = [hs_category(rows[ancestor]) for ancestor in sorted({code[:2], code[:4]} - {code}) if ancestor in rows]
    children = await repository.children(session, code) if row.level < 6 else []
    filters = ListingFilters(status=ListingStatus.PUBLISHED, hs_code=code)
    return Located(hs_category(row), [section_category(section), *above], children, filters)


async def category_page(session: AsyncSession, viewer: Viewer | None, text: str, page: int,
                        per_page: int) -> CategoryPage:
    """A category with its children's counts, a page of its listings (newest first) and its main suppliers."""
    located = await locate(session, text)
    listings = await list_listings(session, viewer, located.filters, page, per_page)
    suppliers = [Supplier(row.name, row.slug, row.country, int(row.listings))
                 for row in await repository.suppliers(session, located.filters, SUPPLIERS_SHOWN)]
    return CategoryPage(located.category, located.trail, await _counted_children(session, located), listings,
                        suppliers, search_url(located))


async def _counted_children(session: AsyncSession, located: Located) -> list[Counted]:
    if not located.children:
        return []
    counts = await repository.counts_by_prefix(session, located.filters, located.children[0].level)
    return [Counted(hs_category(row), counts.get(row.code, 0)) for row in located.children]


def search_url(located: Located) -> str:
    """The product search filtered to the category: a section's chapters, or the code's own level."""
    category = located.category
    if category.level == "section":
        pairs = [("hs_chapter", row.code) for row in located.children]
    else:
        pairs = [(LEVEL_FIELDS[len(category.code)], category.code)]
    return "/search?" + urlencode(pairs)


async def listing_suppliers(session: AsyncSession, listings: Sequence[Listing]) -> dict[int, Organization]:
    """The organisation of each listing, by id, in one query: for the listing cards."""
    ids = {listing.organization_id for listing in listings}
    return await by_id(session, Organization, ids) if ids else {}
