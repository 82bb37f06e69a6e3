"""A listing's images: members of its supplier add (checked by content, re-encoded to a display copy and a
thumbnail) and remove them; everyone who may see the listing sees them. The files live in the file store; the
rows say which are whose and in what order."""

import asyncio
import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.errors import FieldError, conflict, not_found, validation_failed
from app.core.images import prepare_image
from app.core.storage import FileStore, after_transaction
from app.listings import repository
from app.listings.service import EDITABLE, LISTINGS
from app.models import Listing, ListingImage

MAX_IMAGES = 8
VARIANTS = ("display", "thumbnail")


@dataclass(frozen=True)
class ImageFile:
    data: bytes
    content_type: str
    public: bool  # of a published listing: caches may keep it


async def _managed(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    listing = await LISTINGS.managed(session, viewer, listing_id)
    if listing.status not in EDITABLE:
        raise conflict(f"The images of a listing in status {listing.status.value} cannot change",
                       code="listing_not_editable")
    return listing


async def add_image(session: AsyncSession, store: FileStore, viewer: Viewer | None, listing_id: int,
                    data: bytes | None, alt_text: str = "") -> ListingImage:
    """`data` None or empty: no file was sent (a 422 once the viewer is known to may add one)."""
    listing = await _managed(session, viewer, listing_id)
    if not data:
        raise validation_failed([FieldError("file", "Choose an image file to upload", "missing")])
    prepared = await asyncio.to_thread(prepare_image, data)  # decoding and resizing take a core for a while
    await repository.lock_listing(session, listing.id)
    count, position = await repository.next_image_position(session, listing.id)
    if count >= MAX_IMAGES:
        raise conflict(f"A listing has at most {MAX_IMAGES} images: remove one first", code="too_many_images")
    base = f"listings/{listing.id}/{secrets.token_hex(8)}"
    image = ListingImage(listing_id=listing.id, position=position, display_key=f"{base}-display.webp",
                         thumbnail_key=f"{base}-thumbnail.webp", content_type=prepared.content_type,
                         width=prepared.width, height=prepared.height, alt_text=alt_text.strip()[:200])
    store.put(image.display_key, prepared.display)
    store.put(image.thumbnail_key, prepared.thumbnail)
    after_transaction(session, rolled_back=lambda: _remove_files(store, image))
    session.add(image)
    await session.flush()
    return image


async def remove_image(session: AsyncSession, store: FileStore, viewer: Viewer | None, listing_id: int,
                       image_id: int) -> None:
    listing = await _managed(session, viewer, listing_id)
    image = await repository.image_of_listing(session, listing.id, image_id)
    if image is None:
        raise not_found("Image")
    await session.delete(image)
    await session.flush()
    after_transaction(session, committed=lambda: _remove_files(store, image))


async def images_of(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> list[ListingImage]:
    listing = await LISTINGS.get(session, viewer, listing_id)
    return await repository.images_of(session, listing.id)


async def image_file(session: AsyncSession, store: FileStore, viewer: Viewer | None, listing_id: int,
                     image_id: int, variant: str) -> ImageFile:
    """An image's file for someone who may see its listing; anyone else finds nothing (404)."""
    listing = await LISTINGS.get(session, viewer, listing_id)
    image = await repository.image_of_listing(session, listing.id, image_id)
    if image is None or variant not in VARIANTS:
        raise not_found("Image")
    data = store.read(image.display_key if variant == "display" else image.thumbnail_key)
    if data is None:
        raise not_found("Image")
    return ImageFile(data, image.content_type, public=LISTINGS.is_public(listing))


def _remove_files(store: FileStore, image: ListingImage) -> None:
    store.delete(image.display_key)
    store.delete(image.thumbnail_key)
