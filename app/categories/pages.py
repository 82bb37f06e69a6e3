"""Category pages: /categories (every HS section with its chapters) and /categories/{code} (a section, chapter,
heading or subheading with the categories under it, its published listings and its suppliers)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.ads.featured import featured_for
from app.categories import service
from app.http.deps import DbSession, get_settings
from app.http.page_deps import PageViewer
from app.http.templating import render
from app.listings.repository import cover_images

router = APIRouter()
PER_PAGE = 20
PageNumber = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/categories", response_class=HTMLResponse)
async def categories(request: Request, session: DbSession) -> HTMLResponse:
    return render(request, "categories/index.html", {"sections": await service.category_index(session)})


@router.get("/categories/{category}", response_class=HTMLResponse)
async def category_page(request: Request, category: str, session: DbSession, viewer: PageViewer,
                        page: PageNumber = 1) -> HTMLResponse:
    found = await service.category_page(session, viewer, category, page, PER_PAGE)
    items = found.listings.items
    chapter = found.category.code[:2] if found.category.level != "section" else None
    return render(request, "categories/detail.html", {
        "found": found, "covers": await cover_images(session, [listing.id for listing in items]),
        "organizations": await service.listing_suppliers(session, items),
        "featured": await featured_for(session, get_settings(request), chapter) if chapter else []})
