"""The home page: the latest published listings and open RFQs."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.http.deps import DbSession
from app.http.lookups import organization_names
from app.http.page_deps import PageViewer
from app.http.templating import render
from app.listings.repository import ListingFilters
from app.listings.service import list_listings
from app.models.enums import ListingStatus, RfqStatus
from app.rfqs.repository import RfqFilters
from app.rfqs.service import list_rfqs

router = APIRouter()
LATEST = 12


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, session: DbSession, viewer: PageViewer) -> HTMLResponse:
    listings = await list_listings(session, viewer, ListingFilters(status=ListingStatus.PUBLISHED), 1, LATEST)
    rfqs = await list_rfqs(session, viewer, RfqFilters(status=RfqStatus.OPEN), 1, LATEST)
    owners = {listing.organization_id for listing in listings.items} | {rfq.organization_id for rfq in rfqs.items}
    return render(request, "home.html", {"listings": listings.items, "rfqs": rfqs.items,
                                         "names": await organization_names(session, owners)})
