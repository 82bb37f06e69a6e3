"""Listing pages: /listings/{id} for everyone, and "My listings" where a supplier creates and manages its own."""

from app.auth.viewer import require_seller
from app.http.owned_pages import OwnedPages
from app.listings import service
from app.listings.repository import ListingFilters
from app.listings.schemas import ListingCreate

pages = OwnedPages(
    folder="listings",
    require_role=require_seller,
    create_model=ListingCreate,
    filters_of=lambda slug: ListingFilters(organization=slug),
    get=service.get_listing,
    list=service.list_listings,
    create=service.create_listing,
    actions={"submit": service.submit_listing, "archive": service.archive_listing},
    transitions=service.TRANSITIONS,
)
router = pages.router()
