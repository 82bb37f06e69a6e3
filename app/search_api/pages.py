"""The search results page: /search?type=listings|suppliers|rfqs&q=... with facets, filter chips and pages."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from app.auth.viewer import Viewer
from app.core.errors import AppError
from app.core.schemas import field_errors
from app.hs.query import HS_EDITION
from app.hs.service import code_descriptions
from app.http.deps import DbSession, SearchEngine
from app.http.page_deps import page_viewer
from app.http.templating import render
from app.search_api import service
from app.search_api.links import QueryLinks
from app.search_api.params import PARAMS, SearchParams
from search.types import DocType

router = APIRouter()
TITLES = {DocType.LISTINGS: "Products", DocType.SUPPLIERS: "Suppliers", DocType.RFQS: "Buying leads"}


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


async def _results(session: DbSession, engine: SearchEngine, params: SearchParams, viewer: Viewer | None) -> Any:
    if params.doc_type == DocType.SUPPLIERS:
        return await service.search_suppliers(session, engine, params)
    if params.doc_type == DocType.RFQS:
        return await service.search_rfqs(session, engine, params, viewer)
    return await service.search_listings(session, engine, params)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, session: DbSession, engine: SearchEngine,
                      viewer: Annotated[Viewer | None, Depends(page_viewer)]) -> HTMLResponse:
    doc_type = _doc_type(request.query_params.get("type"))
    links = QueryLinks(list(request.query_params.multi_items()), doc_type)
    context: dict[str, Any] = {"doc_type": doc_type.value, "titles": TITLES, "links": links,
                               "q": request.query_params.get("q", "")[:200], "errors": [], "results": None,
                               "suggestions": []}
    try:
        params = _params(request, doc_type)
    except ValidationError as exc:
        context["errors"] = [f"{e.field}: {e.message}" for e in field_errors(exc.errors())]
        return render(request, "search_api/search.html", context, status_code=422)
    try:
        results = await _results(session, engine, params, viewer)
    except AppError as exc:
        context["errors"] = [exc.detail]
        return render(request, "search_api/search.html", context, status_code=exc.status)
    if not results.items and params.q.strip():
        context["suggestions"] = await _suggestions(engine, doc_type, params.q)
    links.hs_descriptions = await code_descriptions(session, links.hs_codes(results.facets))
    context.update(results=results, params=params, hs_edition=HS_EDITION)
    return render(request, "search_api/search.html", context)


async def _suggestions(engine: SearchEngine, doc_type: DocType, text: str) -> list[str]:
    """For the empty state: titles that start like the first word typed."""
    try:
        return await service.suggest(engine, doc_type, text.split()[0][:40], 5)
    except AppError:
        return []
