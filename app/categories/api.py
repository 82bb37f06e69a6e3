"""JSON API of the HS categories: every section with its chapters, and one category with its listings."""

from typing import Annotated

from fastapi import APIRouter, Path

from app.categories import service
from app.categories.schemas import (
    CategoryCountOut,
    CategoryIndexOut,
    CategoryOut,
    CategoryRefOut,
    SectionOut,
    SupplierOut,
)
from app.core.schemas import page_out
from app.http.deps import DbSession, OptionalViewer
from app.http.pagination import Pagination
from app.listings.schemas import ListingOut

router = APIRouter(prefix="/api/v1/categories", tags=["categories"])
CategoryCode = Annotated[str, Path(description="A section's roman numeral (any case), or an HS chapter (2 digits), "
                                   "heading (4) or subheading (6)", examples=["XVI", "85", "8504", "850440"])]


def _ref(category: service.Category) -> CategoryRefOut:
    return CategoryRefOut(code=category.code, level=category.level, description=category.description,
                          url=category.url)


def _counted(counted: service.Counted) -> CategoryCountOut:
    return CategoryCountOut(**_ref(counted.category).model_dump(), listing_count=counted.listings)


def _section(entry: service.SectionEntry) -> SectionOut:
    return SectionOut(**_counted(entry.section).model_dump(), chapters=[_counted(item) for item in entry.chapters])


def _supplier(supplier: service.Supplier) -> SupplierOut:
    return SupplierOut(name=supplier.name, slug=supplier.slug, country=supplier.country,
                       listing_count=supplier.listings, url=supplier.url)


@router.get("", response_model=CategoryIndexOut)
async def list_categories(session: DbSession) -> CategoryIndexOut:
    """The 21 HS sections in HS order, each with its chapters and the published listings under each."""
    return CategoryIndexOut(sections=[_section(entry) for entry in await service.category_index(session)])


@router.get("/{category}", response_model=CategoryOut)
async def get_category(category: CategoryCode, session: DbSession, viewer: OptionalViewer,
                       pagination: Pagination) -> CategoryOut:
    """A category with the categories under it, a page of its published listings (newest first) and its
    suppliers; 404 for a code of no category."""
    found = await service.category_page(session, viewer, category, pagination.page, pagination.per_page)
    listings = page_out(found.listings, [ListingOut.model_validate(item) for item in found.listings.items])
    return CategoryOut(**_ref(found.category).model_dump(), listing_count=found.listings.total,
                       breadcrumbs=[_ref(step) for step in found.trail],
                       children=[_counted(child) for child in found.children],
                       suppliers=[_supplier(supplier) for supplier in found.suppliers],
                       search_url=found.search_url, listings=listings)
