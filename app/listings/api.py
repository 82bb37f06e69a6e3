"""JSON API of listings."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from app.core.schemas import PageOut, page_out
from app.core.validators import CountryCode, HsCodeText
from app.http.deps import AdminViewer, DbSession, OptionalViewer, RequiredViewer
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from app.listings import service
from app.listings.repository import ListingFilters
from app.listings.schemas import ListingCreate, ListingOut, ListingUpdate
from app.models.enums import ListingStatus
from app.owned.schemas import RejectInput

router = APIRouter(prefix="/api/v1/listings", tags=["listings"])


@router.get("", response_model=PageOut[ListingOut])
async def list_listings(
    session: DbSession,
    viewer: OptionalViewer,
    pagination: Pagination,
    organization: Annotated[str | None, Query(max_length=120)] = None,
    status: ListingStatus | None = None,
    hs_code: Annotated[HsCodeText | None, Query()] = None,
    country_of_origin: Annotated[CountryCode | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> PageOut[ListingOut]:
    filters = ListingFilters(organization, status, hs_code, country_of_origin, q)
    page = await service.list_listings(session, viewer, filters, pagination.page, pagination.per_page)
    return page_out(page, [ListingOut.model_validate(listing) for listing in page.items])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ListingOut)
async def create_listing(data: ListingCreate, session: DbSession, viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.create_listing(session, viewer, data))


@router.get("/{listing_id}", response_model=ListingOut)
async def get_listing(listing_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> ListingOut:
    return ListingOut.model_validate(await service.get_listing(session, viewer, listing_id))


@router.patch("/{listing_id}", response_model=ListingOut)
async def update_listing(listing_id: ObjectId, data: ListingUpdate, session: DbSession,
                         viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.update_listing(session, viewer, listing_id, data))


@router.post("/{listing_id}/submit", response_model=ListingOut)
async def submit_listing(listing_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.submit_listing(session, viewer, listing_id))


@router.post("/{listing_id}/publish", response_model=ListingOut)
async def publish_listing(listing_id: ObjectId, session: DbSession, viewer: AdminViewer) -> ListingOut:
    return ListingOut.model_validate(await service.publish_listing(session, viewer, listing_id))


@router.post("/{listing_id}/republish", response_model=ListingOut)
async def republish_listing(listing_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.republish_listing(session, viewer, listing_id))


@router.post("/{listing_id}/reject", response_model=ListingOut)
async def reject_listing(listing_id: ObjectId, data: RejectInput, session: DbSession,
                         viewer: AdminViewer) -> ListingOut:
    return ListingOut.model_validate(await service.reject_listing(session, viewer, listing_id, data.reason))


@router.post("/{listing_id}/archive", response_model=ListingOut)
async def archive_listing(listing_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.archive_listing(session, viewer, listing_id))
