"""The search results pages, with facets, filter chips and pages: /search?type=listings|suppliers|rfqs&q=..., and the
same searches at their own addresses: /suppliers (the supplier directory) and /rfqs (the buying-leads board)."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from app.auth.viewer import Viewer
from app.core.config import Settings
from app.core.errors import AppError
from app.core.schemas import field_errors
from app.hs.query import HS_EDITION
from app.hs.service import code_descriptions
from app.http.deps import DbSession, SearchEngine, get_settings
from app.http.locale import lazy_gettext as _l
from app.http.page_deps import PageViewer
from app.http.refusals import lazy_refusal
from app.http.templating import render
from app.listings.repository import cover_images
from app.organizations.repository import published_listing_counts
from app.search_api import service
from app.search_api.links import QueryLinks
from app.search_api.params import PARAMS, SearchParams
from app.verifications.service import badges as verification_badges
from membership import ranking
from membership.tiers import all_tiers
from promotion.showcase import SHOWCASE_BOOST
from search.ranking import MAX_TIER_BOOST
from search.types import DocType

router = APIRouter()
MAX_PAID_BOOST_PERCENT = round(MAX_TIER_BOOST * 100)
# The page's words, in the viewer's language when the page renders (lazy: translated then, not at import).
TITLES = {DocType.LISTINGS: _l("Products"), DocType.SUPPLIERS: _l("Suppliers"), DocType.RFQS: _l("Buying leads")}
PLACEHOLDERS = {DocType.LISTINGS: _l("Product, model number, HS code…"),
                DocType.SUPPLIERS: _l("Company name or a product it makes…"),
                DocType.RFQS: _l("What buyers need: product, HS code…")}
HEADINGS = {DocType.LISTINGS: (_l("Search products"), ""),
            DocType.SUPPLIERS: (_l("Supplier directory"), _l("Manufacturers and exporters by country, products and "
                                                              "certifications. Open a supplier to see its store.")),
            DocType.RFQS: (_l("Buying leads"), _l("Open requests for quotation from buyers around the world. "
                                                  "Suppliers quote from the request's page; who the buyer is shows "
                                                  "per your plan."))}


def _doc_type(raw: str | None) -> DocType:
    try:
        return DocType(raw or DocType.LISTINGS)
    except ValueError:
        return DocType.LISTINGS


def _params(request: Request, doc_type: DocType) -> SearchParams:
    data: dict[str, Any] = {}
    for key in request.query_params:
        values = request.query_params.getlist(key)
        data[key] = values if key in PARAMS[doc_type].term_fields else values[-1]
    return PARAMS[doc_type].model_validate(data)


async def _results(session: DbSession, engine: SearchEngine, params: SearchParams, viewer: Viewer | None,
                   settings: Settings) -> Any:
    if params.doc_type == DocType.SUPPLIERS:
        return await service.search_suppliers(session, engine, params)
    if params.doc_type == DocType.RFQS:
        return await service.search_rfqs(session, engine, params, viewer)
    return await service.search_listings(session, engine, params, settings)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, session: DbSession, engine: SearchEngine, viewer: PageViewer) -> HTMLResponse:
    return await _search(request, session, engine, viewer, _doc_type(request.query_params.get("type")))


@router.get("/suppliers", response_class=HTMLResponse)
async def supplier_directory(request: Request, session: DbSession, engine: SearchEngine,
                             viewer: PageViewer) -> HTMLResponse:
    return await _search(request, session, engine, viewer, DocType.SUPPLIERS)


@router.get("/rfqs", response_class=HTMLResponse)
async def buying_leads_board(request: Request, session: DbSession, engine: SearchEngine,
                             viewer: PageViewer) -> HTMLResponse:
    return await _search(request, session, engine, viewer, DocType.RFQS)


async def _search(request: Request, session: DbSession, engine: SearchEngine, viewer: Viewer | None,
                  doc_type: DocType) -> HTMLResponse:
    links = QueryLinks(list(request.query_params.multi_items()), doc_type)
    context: dict[str, Any] = {"doc_type": doc_type.value, "titles": TITLES, "links": links,
                               "heading": HEADINGS[doc_type], "placeholder": PLACEHOLDERS[doc_type],
                               "q": request.query_params.get("q", "")[:200], "errors": [], "results": None,
                               "suggestions": []}
    try:
        params = _params(request, doc_type)
    except ValidationError as exc:
        context["errors"] = [f"{e.field}: {e.message}" for e in field_errors(exc.errors())]
        return render(request, "search_api/search.html", context, status_code=422)
    try:
        results = await _results(session, engine, params, viewer, get_settings(request))
    except AppError as exc:
        context["errors"] = [lazy_refusal(exc)]
        return render(request, "search_api/search.html", context, status_code=exc.status)
    if not results.items and params.q.strip():
        context["suggestions"] = await _suggestions(engine, doc_type, params.q)
    links.hs_descriptions = await code_descriptions(session, links.hs_codes(results.facets))
    if doc_type == DocType.LISTINGS:
        shown = [f.item for f in results.items] + [(ad.listing, ad.organization) for ad in results.sponsored]
        context["covers"] = await cover_images(session, [listing.id for listing, _ in shown])
        context["verifications"] = await verification_badges(session, {organization.id for _, organization in shown})
    if doc_type == DocType.SUPPLIERS:
        context["product_counts"] = await published_listing_counts(session, [f.item.id for f in results.items])
        context["verifications"] = await verification_badges(session, {f.item.id for f in results.items})
    context.update(results=results, params=params, hs_edition=HS_EDITION, max_paid_boost=MAX_PAID_BOOST_PERCENT)
    return render(request, "search_api/search.html", context)


@router.get("/how-ranking-works", response_class=HTMLResponse)
async def how_ranking_works(request: Request, session: DbSession) -> HTMLResponse:
    """Every rule that orders results, paid ones included, with each plan's boost and showcase slots."""
    settings = get_settings(request)
    return render(request, "search_api/how_ranking_works.html",
                  {"tiers": await all_tiers(session), "boost_shown": ranking.shown,
                   "max_percent": MAX_PAID_BOOST_PERCENT, "showcase_percent": round(SHOWCASE_BOOST * 100),
                   "sponsored_slots": settings.ads_sponsored_slots, "featured_slots": settings.ads_featured_slots,
                   "relevance_floor": round(settings.ads_relevance_floor * 100)})


async def _suggestions(engine: SearchEngine, doc_type: DocType, text: str) -> list[str]:
    """For the empty state: titles that start like the first word typed."""
    try:
        return await service.suggest(engine, doc_type, text.split()[0][:40], 5)
    except AppError:
        return []
