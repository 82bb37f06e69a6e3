"""JSON API of matching: an RFQ's matched suppliers, the leads feed, HS code suggestions."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.http.deps import DbSession, OptionalViewer, SearchEngine
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from app.matches import service
from app.matches.schemas import HsSuggestionOut, HsSuggestionsOut, LeadsOut, MatchesOut
from matching.hs.suggest import suggest_hs

router = APIRouter(prefix="/api/v1", tags=["matching"])
MAX_HS_SUGGESTIONS = 10


@router.get("/rfqs/{rfq_id}/matches", response_model=MatchesOut)
async def rfq_matches(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer,
                      backend: SearchEngine) -> MatchesOut:
    return await service.rfq_matches(session, backend, viewer, rfq_id)


@router.get("/leads", response_model=LeadsOut)
async def leads(session: DbSession, viewer: OptionalViewer, backend: SearchEngine, paging: Pagination,
                min_quality: Annotated[int | None, Query(ge=0, le=100)] = None) -> LeadsOut:
    """Open RFQs matching the caller's listings, best first; `min_quality` keeps those whose lead quality is at
    least that (0-100)."""
    return await service.leads_feed(session, backend, viewer, paging.page, paging.per_page, min_quality)


@router.get("/hs/suggest", response_model=HsSuggestionsOut)
async def hs_suggest(backend: SearchEngine, q: Annotated[str, Query(min_length=2, max_length=1000)],
                     limit: Annotated[int, Query(ge=1, le=MAX_HS_SUGGESTIONS)] = 5) -> HsSuggestionsOut:
    found = await suggest_hs(backend, q, limit)
    return HsSuggestionsOut(items=[HsSuggestionOut(code=s.code, label=s.label, description=s.description,
                                                   heading_description=s.heading_description, score=s.score)
                                   for s in found])
