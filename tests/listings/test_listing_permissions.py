"""Listings: who may do what, one case per role and action; every refusal leaves the listing as it was."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.listings import LISTINGS, listing_in_status, listing_payload
from tests.support.outbox import outbox_operations
from tests.support.owned import Request
from tests.support.permissions import (
    ADMIN_ONLY,
    ALLOWED,
    HIDDEN,
    NOT_A_MEMBER,
    Outcome,
    check_action,
    check_visibility,
    owner_action,
    role_cases,
)
from tests.support.problems import assert_problem

# action: (request, status the listing has afterwards; None: unchanged)
ACTIONS: dict[str, tuple[Request, str | None]] = {
    "update": (("PATCH", "", {"title": "Renamed listing"}), None),
    "submit": (("POST", "/submit", None), "pending_review"),
    "publish": (("POST", "/publish", None), "published"),
    "reject": (("POST", "/reject", {"reason": "Photos are missing"}), "rejected"),
    "archive": (("POST", "/archive", None), "archived"),
}
TABLE = {
    ("update", "draft"): owner_action(HIDDEN),
    ("update", "published"): owner_action(NOT_A_MEMBER),
    ("update", "rejected"): owner_action(HIDDEN),
    ("submit", "draft"): owner_action(HIDDEN),
    ("submit", "rejected"): owner_action(HIDDEN),
    ("archive", "draft"): owner_action(HIDDEN),
    ("archive", "published"): owner_action(NOT_A_MEMBER),
    ("publish", "pending_review"): ADMIN_ONLY,
    ("reject", "pending_review"): ADMIN_ONLY,
}


@pytest.mark.parametrize(("action", "status", "role", "outcome"), role_cases(TABLE))
async def test_action_per_role(cast: Cast, db: AsyncSession, action: str, status: str, role: str,
                               outcome: Outcome) -> None:
    request, status_after = ACTIONS[action]
    await check_action(LISTINGS, cast, db, status, role, request, outcome, status_after)


@pytest.mark.parametrize(("status", "visible_to"), [
    ("draft", {"owner", "member", "admin"}),
    ("pending_review", {"owner", "member", "admin"}),
    ("rejected", {"owner", "member", "admin"}),
    ("archived", {"owner", "member", "admin"}),
    ("published", {"anonymous", "stranger", "owner", "member", "admin"}),
])
async def test_get_per_role(cast: Cast, status: str, visible_to: set[str]) -> None:
    await check_visibility(LISTINGS, cast, status, visible_to)


async def test_update_by_a_member_changes_the_listing(cast: Cast) -> None:
    listing = await listing_in_status(cast, "draft")

    response = await (await cast.client("member")).patch(LISTINGS.path(listing), json={"title": "Renamed listing"})

    assert response.json()["title"] == "Renamed listing"
    assert response.json()["organization_id"] == (await cast.owner()).organization_id


@pytest.mark.parametrize(("organization_role", "outcome"), [
    ("supplier", ALLOWED),
    ("both", ALLOWED),
    ("buyer", (403, "not_a_supplier")),
])
async def test_create_per_organization_role(cast: Cast, db: AsyncSession, organization_role: str,
                                            outcome: Outcome) -> None:
    actor = await cast.other(organization_role)

    response = await actor.client.post("/api/v1/listings", json=listing_payload())

    if outcome is ALLOWED:
        assert response.status_code == 201
        assert (response.json()["organization_id"], response.json()["status"]) == (actor.organization_id, "draft")
        assert await outbox_operations(db, EntityType.LISTING) == ["upsert"]
    else:
        assert_problem(response, *outcome)
        assert await outbox_operations(db, EntityType.LISTING) == []


async def test_create_anonymous_is_401(cast: Cast, db: AsyncSession) -> None:
    assert_problem(await cast.anonymous.post("/api/v1/listings", json=listing_payload()), 401, "not_authenticated")
    assert await outbox_operations(db, EntityType.LISTING) == []


async def test_admin_creates_listings_for_its_own_organization(cast: Cast) -> None:
    admin = await cast.admin()

    response = await admin.client.post("/api/v1/listings", json=listing_payload())

    assert response.json()["organization_id"] == admin.organization_id


async def test_revoked_token_is_anonymous(cast: Cast) -> None:
    owner = await cast.owner()
    token_id = (await owner.client.get("/api/v1/me/tokens")).json()[0]["id"]
    assert (await owner.client.delete(f"/api/v1/me/tokens/{token_id}")).status_code == 200

    assert_problem(await owner.client.post("/api/v1/listings", json=listing_payload()), 401, "not_authenticated")
