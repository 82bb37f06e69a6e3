"""JSON API of search: listings, suppliers, buying leads (RFQs) and suggestions."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.http.deps import AppSettings, DbSession, OptionalViewer, SearchEngine
from app.search_api import service
from app.search_api.params import ListingSearchParams, RfqSearchParams, SupplierSearchParams
from app.search_api.schemas import (
    ListingSearchPageOut,
    RfqHitOut,
    SearchPageOut,
    SuggestOut,
    SupplierHitOut,
    listing_search_page,
    rfq_hit,
    search_page,
    supplier_hit,
)
from search.types import DocType

router = APIRouter(prefix="/api/v1/search", tags=["search"])


@router.get("/listings", response_model=ListingSearchPageOut)
async def search_listings(params: Annotated[ListingSearchParams, Query()], session: DbSession,
                          engine: SearchEngine, settings: AppSettings) -> ListingSearchPageOut:
    """Products; the first page of a search by words also lists its sponsored results (`sponsored`), each labelled
    and none repeated among the items."""
    results = await service.search_listings(session, engine, params, settings)
    return listing_search_page(results)


@router.get("/suppliers", response_model=SearchPageOut[SupplierHitOut])
async def search_suppliers(params: Annotated[SupplierSearchParams, Query()], session: DbSession,
                           engine: SearchEngine) -> SearchPageOut[SupplierHitOut]:
    results = await service.search_suppliers(session, engine, params)
    return search_page(results, [supplier_hit(f) for f in results.items])


@router.get("/rfqs", response_model=SearchPageOut[RfqHitOut])
async def search_rfqs(params: Annotated[RfqSearchParams, Query()], session: DbSession, engine: SearchEngine,
                      viewer: OptionalViewer) -> SearchPageOut[RfqHitOut]:
    results = await service.search_rfqs(session, engine, params, viewer)
    return search_page(results, [rfq_hit(f) for f in results.items])


@router.get("/suggest", response_model=SuggestOut)
async def suggest(engine: SearchEngine, q: Annotated[str, Query(min_length=1, max_length=100)],
                  doc_type: Annotated[DocType, Query(alias="type")] = DocType.LISTINGS,
                  size: Annotated[int, Query(ge=1, le=20)] = 8) -> SuggestOut:
    return SuggestOut(suggestions=await service.suggest(engine, doc_type, q, size))
