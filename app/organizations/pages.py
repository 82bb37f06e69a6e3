"""A supplier's storefront: /suppliers/{slug} (the directory at /suppliers is a search: app.search_api.pages)."""

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.core.errors import not_found
from app.http.deps import DbSession
from app.http.ids import SLUG_PATTERN
from app.http.page_deps import PageViewer
from app.http.templating import render
from app.listings.repository import cover_images
from app.organizations import service
from app.organizations.logo import logo_url

router = APIRouter()


@router.get("/suppliers/{slug}", response_class=HTMLResponse)
async def storefront(
    request: Request, slug: str, session: DbSession, viewer: PageViewer,
    q: Annotated[str, Query(max_length=200)] = "",
    chapter: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise not_found("Supplier")
    store = await service.storefront(session, slug)
    listings = await service.store_listings(session, viewer, slug, q.strip(), chapter, page)
    covers = await cover_images(session, [listing.id for listing in listings.items])
    showcase_covers = await cover_images(session, [listing.id for listing in store.showcase])
    return render(request, "organizations/storefront.html",
                  {"store": store, "supplier": store.supplier, "logo_url": logo_url(store.supplier),
                   "listings": listings, "q": q.strip(), "covers": covers, "chapter": chapter,
                   "showcase_covers": showcase_covers})
