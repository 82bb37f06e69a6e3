"""Listing pages: /listings/{id} for everyone (with its image gallery), and "My listings" where a supplier creates and
manages its own; members add and remove a listing's images from its page."""

import re
from dataclasses import replace
from typing import Annotated, Any, get_origin

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from app.auth.viewer import Viewer, can_manage, require_seller
from app.core import content_language
from app.core.errors import AppError
from app.core.schemas import as_validation_failed
from app.http.deps import DbSession, Files
from app.http.forms import ObjectId, listed, refused
from app.http.owned_pages import OwnedPages
from app.http.page_deps import CheckedForm, SignedInUser
from app.http.refusals import lazy_refusal
from app.listings import images, pricing, repository, service
from app.listings.images import MAX_IMAGES
from app.listings.repository import ListingFilters
from app.listings.schemas import ListingCreate, ListingTranslation
from app.listings.similar import similar_listings
from app.models import Listing
from app.verifications.service import badges as verification_badges
from matching.trust import supplier_trust

TIER_ROWS = range(1, 4)  # the price tier rows of the "New listing" form: tier_min_1, tier_price_1, ...
TIER_PARTS = {"min_quantity": "min", "unit_price": "price"}
TIER_FIELDS = tuple(f"tier_{part}_{row}" for row in TIER_ROWS for part in TIER_PARTS.values())
TIER_ERROR = re.compile(r"price_tiers\.(\d+)\.(min_quantity|unit_price)")
LIST_FIELDS = frozenset(name for name, info in ListingCreate.model_fields.items()
                        if get_origin(info.annotation) is list)  # typed comma-separated, as forms.parse reads them


async def _owner_panels(request: Request, session: AsyncSession, viewer: Viewer | None,
                        listing: Listing) -> dict[str, Any]:
    """The images, and whether the viewer may change them and the listing's text in other languages."""
    manages = can_manage(viewer, listing.organization_id) and listing.status in service.EDITABLE
    return {"images": await repository.images_of(session, listing.id), "max_images": MAX_IMAGES,
            "manages_images": manages, "translation_choices": _translation_choices(listing) if manages else []}


def _translation_choices(listing: Listing) -> list[tuple[str, str]]:
    """The languages the listing may be given in besides its own: (tag, name)."""
    return [(tag, name) for tag, name in content_language.NAMES.items() if tag != listing.language]


async def _detail_extra(request: Request, session: AsyncSession, viewer: Viewer | None,
                        listing: Listing) -> dict[str, Any]:
    """The gallery, the "Price by quantity" table with the unit price at the minimum order, the supplier's card
    (verification badges, response rate, ratings) and similar listings."""
    verifications = (await verification_badges(session, [listing.organization_id])).get(listing.organization_id, [])
    similar = await similar_listings(session, request.app.state.search, listing)
    return {**await _owner_panels(request, session, viewer, listing), "price_table": pricing.price_table(listing),
            "price_at_moq": pricing.unit_price_for(listing, listing.moq), "verifications": verifications,
            "trust": (await supplier_trust(session, [listing.organization_id]))[listing.organization_id],
            "similar": similar,
            "similar_covers": await repository.cover_images(session, [row.id for row, _ in similar])}


def _tier(values: dict[str, str], row: int) -> dict[str, str]:
    """A price tier row as filled in (a half-filled one is refused beside its empty field)."""
    return {key: values[f"tier_{part}_{row}"] for key, part in TIER_PARTS.items() if f"tier_{part}_{row}" in values}


def _tier_field(name: str, rows: list[int]) -> str:
    """The form field of an error: "price_tiers.1.unit_price" is the price of the second filled-in row."""
    match = TIER_ERROR.fullmatch(name)
    return f"tier_{TIER_PARTS[match[2]]}_{rows[int(match[1])]}" if match else name


def _listing_from_form(values: dict[str, str]) -> ListingCreate:
    """The "New listing" form: the listing's fields, and its filled-in price tier rows as `price_tiers`."""
    rows = [row for row in TIER_ROWS if _tier(values, row)]
    data: dict[str, Any] = {name: listed(value) if name in LIST_FIELDS else value
                            for name, value in values.items() if name not in TIER_FIELDS}
    try:
        return ListingCreate.model_validate({**data, "price_tiers": [_tier(values, row) for row in rows]})
    except ValidationError as exc:
        error = as_validation_failed(exc)
        raise replace(error, errors=[replace(field_error, field=_tier_field(field_error.field, rows))
                                     for field_error in error.errors]) from exc


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
    detail_extra=_detail_extra,
    form_fields=TIER_FIELDS,
    parse_form=_listing_from_form,
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
        message = context["field_errors"].get("file") or lazy_refusal(error)
        return await pages.detail_response(request, session, user.viewer, item_id, {"image_error": message},
                                           status_code=error.status)
    return RedirectResponse(_gallery_url(item_id), status_code=303)


def _translation_field(field: str) -> str:
    """An error of `translations.<language>.title` belongs beside the form's title field; one about the language
    itself beside the language."""
    last = field.rsplit(".", 1)[-1]
    return last if last in ("title", "description") else "language"


@router.post("/my/listings/{item_id:int}/translations")
async def save_translation(request: Request, item_id: ObjectId, form: CheckedForm, user: SignedInUser,
                           session: DbSession) -> Response:
    values = {name: value for name in ("language", "title", "description")
              if isinstance(value := form.get(name), str)}
    try:
        text = ListingTranslation.model_validate({"title": values.get("title", ""),
                                                  "description": values.get("description", "")})
        await service.set_translation(session, user.viewer, item_id, values.get("language", ""), text)
    except (AppError, ValidationError) as exc:
        error = as_validation_failed(exc) if isinstance(exc, ValidationError) else exc
        if error.status != 422:
            raise
        context = await refused(session, error, values)
        messages = {_translation_field(field): message for field, message in context["field_errors"].items()}
        return await pages.detail_response(request, session, user.viewer, item_id,
                                           {"translation_values": values, "translation_errors": messages},
                                           status_code=422)
    return RedirectResponse(f"/listings/{item_id}#languages", status_code=303)


@router.post("/my/listings/{item_id:int}/translations/{language}/delete")
async def delete_translation(item_id: ObjectId, language: Annotated[str, Path(max_length=10)], form: CheckedForm,
                             user: SignedInUser, session: DbSession) -> Response:
    await service.remove_translation(session, user.viewer, item_id, language)
    return RedirectResponse(f"/listings/{item_id}#languages", status_code=303)


@router.post("/my/listings/{item_id:int}/images/{image_id:int}/delete")
async def remove_image(item_id: ObjectId, image_id: ObjectId, form: CheckedForm, user: SignedInUser,
                       session: DbSession, store: Files) -> Response:
    await images.remove_image(session, store, user.viewer, item_id, image_id)
    return RedirectResponse(_gallery_url(item_id), status_code=303)


pages.router(router)
