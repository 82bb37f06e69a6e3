"""JSON API of listings and their images, and the image files."""

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status

from app.core.content_language import ContentLanguage
from app.core.schemas import PageOut, page_out
from app.core.validators import CountryCode, HsCodeText
from app.http.deps import AdminViewer, DbSession, Files, OptionalViewer, RequiredViewer
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from app.listings import images, service
from app.listings.repository import ListingFilters
from app.listings.schemas import ListingCreate, ListingImageOut, ListingOut, ListingTranslation, ListingUpdate
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


@router.put("/{listing_id}/translations/{language}", response_model=ListingOut)
async def set_translation(listing_id: ObjectId, language: ContentLanguage, data: ListingTranslation,
                          session: DbSession, viewer: RequiredViewer) -> ListingOut:
    """The title and description in a further language (added, or replacing the ones given before); not the
    listing's own language."""
    return ListingOut.model_validate(await service.set_translation(session, viewer, listing_id, language, data))


@router.delete("/{listing_id}/translations/{language}", response_model=ListingOut)
async def remove_translation(listing_id: ObjectId, language: ContentLanguage, session: DbSession,
                             viewer: RequiredViewer) -> ListingOut:
    return ListingOut.model_validate(await service.remove_translation(session, viewer, listing_id, language))


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


@router.get("/{listing_id}/images", response_model=list[ListingImageOut])
async def list_images(listing_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> list[ListingImageOut]:
    return [ListingImageOut.of(image) for image in await images.images_of(session, viewer, listing_id)]


@router.post("/{listing_id}/images", status_code=status.HTTP_201_CREATED, response_model=ListingImageOut)
async def add_image(listing_id: ObjectId, session: DbSession, viewer: RequiredViewer, store: Files,
                    file: Annotated[UploadFile | None, File()] = None,
                    alt_text: Annotated[str, Form(max_length=200)] = "") -> ListingImageOut:
    """A JPEG, PNG or WebP image (multipart field `file`, required), checked by its content; at most 8 per
    listing."""
    data = await file.read() if file is not None else None
    image = await images.add_image(session, store, viewer, listing_id, data, alt_text)
    return ListingImageOut.of(image)


@router.delete("/{listing_id}/images/{image_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_image(listing_id: ObjectId, image_id: ObjectId, session: DbSession, viewer: RequiredViewer,
                       store: Files) -> None:
    await images.remove_image(session, store, viewer, listing_id, image_id)


files_router = APIRouter(prefix="/files/listings", tags=["listings"])


@files_router.get("/{listing_id}/images/{image_id}/{variant}", response_class=Response,
                  responses={200: {"content": {"image/webp": {}}, "description": "The image file"}})
async def image_file(listing_id: ObjectId, image_id: ObjectId, variant: Literal["display", "thumbnail"],
                     session: DbSession, viewer: OptionalViewer, store: Files) -> Response:
    """An image of a listing the asker may see; a published listing's images may be cached (their addresses
    never change content: a new image gets a new id)."""
    found = await images.image_file(session, store, viewer, listing_id, image_id, variant)
    caching = "public, max-age=31536000, immutable" if found.public else "private, no-store"
    return Response(found.data, media_type=found.content_type, headers={"Cache-Control": caching})
