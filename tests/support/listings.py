"""Listings for tests: a valid payload, and listings brought to a status through the API."""

from typing import Any

import httpx

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.owned import OwnedKind, bring_to, create

REJECT_REASON = "Photos are missing"

# The steps after creation that lead to each status, and who takes them.
PATH_TO = {
    "draft": (),
    "pending_review": (("owner", "submit"),),
    "published": (("owner", "submit"), ("admin", "publish")),
    "rejected": (("owner", "submit"), ("admin", "reject")),
    "archived": (("owner", "archive"),),
}


def listing_payload(**overrides: Any) -> dict[str, Any]:
    return {"title": "Cotton T-shirts", "moq": "500", "moq_unit": "piece", **overrides}


async def create_listing(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    return await create(client, "listings", listing_payload(**overrides))


async def listing_in_status(cast: Cast, status: str, *, by: str = "owner", **overrides: Any) -> dict[str, Any]:
    """A listing of the cast member `by` (the owner unless said), taken to `status` by them and, where review
    is needed, by the admin."""
    listing = await bring_to(cast, "listings", listing_payload(**overrides), PATH_TO[status], by=by,
                             reject_reason=REJECT_REASON)
    assert listing["status"] == status
    return listing


LISTINGS = OwnedKind("listings", EntityType.LISTING, listing_in_status)
