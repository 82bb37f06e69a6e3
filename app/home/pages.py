"""The home page: a search, the HS sections to browse with their counts, suppliers (the paying featured ones first,
labelled), the latest published listings with their suppliers, and open RFQs with only their buyers' countries (a
list names no buyer: app.rfqs.contact)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.ads.featured import featured_for
from app.categories.service import category_index
from app.core.repository import by_id
from app.http.deps import DbSession, get_settings
from app.http.lookups import organization_countries
from app.http.page_deps import PageViewer
from app.http.templating import render
from app.listings.repository import ListingFilters, cover_images
from app.listings.service import list_listings
from app.models import Organization
from app.models.enums import ListingStatus, RfqStatus
from app.organizations.service import featured_suppliers
from app.rfqs.repository import RfqFilters
from app.rfqs.service import list_rfqs
from trust.lead_quality import POINTS_TABLE, VERSION

router = APIRouter()
LATEST = 12
SUPPLIERS = 6


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, session: DbSession, viewer: PageViewer) -> HTMLResponse:
    listings = await list_listings(session, viewer, ListingFilters(status=ListingStatus.PUBLISHED), 1, LATEST)
    rfqs = await list_rfqs(session, viewer, RfqFilters(status=RfqStatus.OPEN), 1, LATEST)
    suppliers = {listing.organization_id for listing in listings.items}
    buyers = {rfq.organization_id for rfq in rfqs.items}
    sections = [entry.section for entry in await category_index(session) if entry.section.listings]
    paid = await featured_for(session, get_settings(request), None)
    paying = {chosen.organization.id for chosen in paid}
    others = [(supplier, products) for supplier, products in await featured_suppliers(session)
              if supplier.id not in paying]
    return render(request, "home.html", {"listings": listings.items, "rfqs": rfqs.items, "sections": sections,
                                         "featured": [*((f.organization, f.products, True) for f in paid),
                                                      *((supplier, products, False) for supplier, products in others)
                                                      ][:max(len(paid), SUPPLIERS)],
                                         "suppliers": await by_id(session, Organization, suppliers),
                                         "covers": await cover_images(session, [item.id for item in listings.items]),
                                         "buyer_countries": await organization_countries(session, buyers)})


@router.get("/terms", response_class=HTMLResponse)
async def terms(request: Request) -> HTMLResponse:
    return render(request, "terms.html", {"lead_quality_table": POINTS_TABLE, "lead_quality_version": VERSION})
