"""Listings: the status machine draft -> pending_review -> published / rejected -> archived."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support.actors import Cast
from tests.support.listings import LISTINGS, listing_in_status
from tests.support.problems import assert_problem

INVALID = [
    ("draft", "admin", "publish", "published"),
    ("draft", "admin", "reject", "rejected"),
    ("pending_review", "owner", "submit", "pending_review"),
    ("published", "owner", "submit", "pending_review"),
    ("published", "admin", "publish", "published"),
    ("published", "admin", "reject", "rejected"),
    ("rejected", "admin", "publish", "published"),
    ("archived", "owner", "archive", "archived"),
    ("archived", "owner", "submit", "pending_review"),
    ("archived", "admin", "publish", "published"),
]


@pytest.mark.parametrize(("status", "role", "action", "target"), INVALID,
                         ids=[f"{action} {status}" for status, _, action, _ in INVALID])
async def test_invalid_transition_is_409(cast: Cast, db: AsyncSession, status: str, role: str, action: str,
                                         target: str) -> None:
    listing = await listing_in_status(cast, status)
    body = {"reason": "Photos are missing"} if action == "reject" else None

    problem = await LISTINGS.check_refused(cast, db, listing, await cast.client(role), ("POST", f"/{action}", body),
                                           409, "invalid_status_transition")

    assert problem["detail"] == f"A listing that is {status} cannot become {target}"


@pytest.mark.parametrize("status", ["pending_review", "archived"])
async def test_listing_under_review_or_archived_cannot_be_edited(cast: Cast, db: AsyncSession, status: str) -> None:
    listing = await listing_in_status(cast, status)
    owner = await cast.owner()

    problem = await LISTINGS.check_refused(cast, db, listing, owner.client, ("PATCH", "", {"title": "Renamed listing"}),
                                           403, "not_editable")

    assert problem["detail"] == f"A listing that is {status} cannot be edited"


async def test_rejected_listing_is_fixed_resubmitted_and_published(cast: Cast) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    listing = await listing_in_status(cast, "rejected")
    assert listing["rejection_reason"] == "Photos are missing"
    path = f"/api/v1/listings/{listing['id']}"

    edited = await owner.client.patch(path, json={"description": "Now with photos"})
    assert (edited.status_code, edited.json()["status"]) == (200, "rejected")
    assert edited.json()["rejection_reason"] == "Photos are missing"

    resubmitted = await owner.client.post(f"{path}/submit")
    assert resubmitted.status_code == 200
    assert (resubmitted.json()["status"], resubmitted.json()["rejection_reason"]) == ("pending_review", None)

    published = await admin.client.post(f"{path}/publish")
    assert (published.json()["status"], published.json()["description"]) == ("published", "Now with photos")


async def test_published_listing_stays_published_when_edited(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published")

    response = await (await cast.owner()).client.patch(f"/api/v1/listings/{listing['id']}", json={"moq": "600"})

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["moq"], response.json()["published_at"]) == (
        "published", "600", listing["published_at"])


@pytest.mark.parametrize("status", ["draft", "pending_review", "rejected", "published"])
async def test_every_live_status_can_be_archived(cast: Cast, status: str) -> None:
    listing = await listing_in_status(cast, status)

    response = await (await cast.owner()).client.post(f"/api/v1/listings/{listing['id']}/archive")

    assert (response.status_code, response.json()["status"]) == (200, "archived")


async def test_archived_listing_leaves_the_public_list(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published")
    assert (await cast.anonymous.get("/api/v1/listings")).json()["total"] == 1

    await (await cast.owner()).client.post(f"/api/v1/listings/{listing['id']}/archive")

    assert (await cast.anonymous.get("/api/v1/listings")).json()["total"] == 0
    assert_problem(await cast.anonymous.get(f"/api/v1/listings/{listing['id']}"), 404, "not_found")
