"""Matching pages: an RFQ's matched suppliers (for the buyer), the leads feed (for suppliers), and a JS-free HS
code finder linked from the listing and RFQ forms."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from app.auth.viewer import Viewer
from app.http.deps import DbSession, SearchEngine
from app.http.ids import ObjectId
from app.http.page_deps import page_viewer
from app.http.templating import render
from app.matches import service
from app.rfqs.service import get_rfq
from app.verifications.service import badges as verification_badges
from matching.hs.suggest import suggest_hs

router = APIRouter()
PageViewer = Annotated[Viewer | None, Depends(page_viewer)]
LEADS_PER_PAGE = 20
HS_QUERY_LENGTH = 1000


@router.get("/rfqs/{rfq_id:int}/matches", response_class=HTMLResponse)
async def rfq_matches_page(request: Request, rfq_id: ObjectId, session: DbSession, engine: SearchEngine,
                           viewer: PageViewer) -> HTMLResponse:
    matches = await service.rfq_matches(session, engine, viewer, rfq_id)
    rfq = await get_rfq(session, viewer, rfq_id)
    verifications = await verification_badges(session, {match.supplier.id for match in matches.items})
    return render(request, "matches/rfq_matches.html", {"rfq": rfq, "matches": matches,
                                                        "verifications": verifications})


QUALITY_STEPS = ("40", "60", "80")  # the feed's filter: at least this lead quality


@router.get("/leads", response_class=HTMLResponse)
async def leads_page(request: Request, session: DbSession, engine: SearchEngine, viewer: PageViewer,
                     page: Annotated[int, Query(ge=1, le=10_000)] = 1,
                     min_quality: Annotated[str | None, Query(max_length=3)] = None) -> HTMLResponse:
    """The leads feed; `min_quality` is one of the filter's steps (anything else shows every lead)."""
    minimum = int(min_quality) if min_quality in QUALITY_STEPS else None
    feed = await service.leads_feed(session, engine, viewer, page, LEADS_PER_PAGE, minimum)
    return render(request, "matches/leads.html", {"feed": feed, "min_quality": minimum,
                                                  "quality_steps": QUALITY_STEPS})


@router.get("/hs", response_class=HTMLResponse)
async def hs_page(request: Request, engine: SearchEngine,
                  q: Annotated[str, Query(max_length=HS_QUERY_LENGTH)] = "") -> HTMLResponse:
    found = await suggest_hs(engine, q) if len(q.strip()) >= 2 else []
    return render(request, "matches/hs.html", {"q": q, "suggestions": found})
