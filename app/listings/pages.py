"""Listing pages: /listings/{id} for everyone (with its image gallery), and "My listings" where a supplier creates and
manages its own; members add and remove a listing's images from its page."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from app.auth.viewer import Viewer, can_manage, require_seller
from app.core.errors import AppError
from app.http.deps import DbSession, Files
from app.http.forms import ObjectId, refused
from app.http.owned_pages import OwnedPages
from app.http.page_deps import CheckedForm, SignedInUser
from app.listings import images, repository, service
from app.listings.images import MAX_IMAGES
from app.listings.repository import ListingFilters
from app.listings.schemas import ListingCreate
from app.models import Listing


async def _gallery(request: Request, session: AsyncSession, viewer: Viewer | None, listing: Listing) -> dict[str, Any]:
    return {"images": await repository.images_of(session, listing.id), "max_images": MAX_IMAGES,
            "manages_images": can_manage(viewer, listing.organization_id) and listing.status in service.EDITABLE}


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
    detail_extra=_gallery,
)
router = APIRouter()


def _gallery_url(listing_id: int) -> str:
    return f"/listings/{listing_id}#images"


@router.post("/my/listings/{item_id:int}/images")
async def upload_image(request: Request, item_id: ObjectId, form: CheckedForm, user: SignedInUser,
                       session: DbSession, store: Files) -> Response:
    upload, alt_text = form.get("file"), form.get("alt_text")
    data = await upload.read() if isinstance(upload, UploadFile) else None
    try:
        await images.add_image(session, store, user.viewer, item_id, data,
                               alt_text if isinstance(alt_text, str) else "")
    except AppError as error:
        if error.status not in (409, 422):
            raise
        context = await refused(session, error, {})
        message = context["field_errors"].get("file") or error.detail
        return await pages.detail_response(request, session, user.viewer, item_id, {"image_error": message},
                                           status_code=error.status)
    return RedirectResponse(_gallery_url(item_id), status_code=303)


@router.post("/my/listings/{item_id:int}/images/{image_id:int}/delete")
async def remove_image(item_id: ObjectId, image_id: ObjectId, form: CheckedForm, user: SignedInUser,
                       session: DbSession, store: Files) -> Response:
    await images.remove_image(session, store, user.viewer, item_id, image_id)
    return RedirectResponse(_gallery_url(item_id), status_code=303)


pages.router(router)
