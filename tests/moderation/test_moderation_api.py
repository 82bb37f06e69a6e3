"""The admin moderation queue: what is pending across listings and RFQs, decisions through the owners' services,
every decision recorded, and every non-admin refused."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ModerationDecision
from tests.support.actors import Cast
from tests.support.listings import listing_in_status
from tests.support.problems import assert_invalid, assert_problem
from tests.support.rfqs import rfq_in_status

QUEUE = "/api/v1/admin/moderation"


@pytest.fixture
async def buyers(app: FastAPI, client: httpx.AsyncClient) -> Any:
    people = Cast(app, client, "buyer")
    yield people
    await people.close()


async def queue(client: httpx.AsyncClient, query: str = "") -> list[tuple[str, int, str]]:
    response = await client.get(QUEUE + query)
    assert response.status_code == 200, response.text
    return [(item["entity_type"], item["entity_id"], item["title"]) for item in response.json()["items"]]


async def test_the_queue_holds_pending_listings_and_rfqs_oldest_first(cast: Cast, buyers: Cast) -> None:
    first = await listing_in_status(cast, "pending_review", title="Teak garden chairs")
    await listing_in_status(cast, "draft", title="Not submitted")
    await listing_in_status(cast, "published", title="Already live")
    rfq = await rfq_in_status(buyers, "pending_review", title="Steel pipes")
    last = await listing_in_status(cast, "pending_review", title="Rattan baskets")
    admin = await cast.admin()

    assert await queue(admin.client) == [
        ("listing", first["id"], "Teak garden chairs"), ("rfq", rfq["id"], "Steel pipes"),
        ("listing", last["id"], "Rattan baskets")]
    assert await queue(admin.client, "?entity_type=rfq") == [("rfq", rfq["id"], "Steel pipes")]
    page = (await admin.client.get(QUEUE + "?per_page=2&page=2")).json()
    assert ([item["entity_id"] for item in page["items"]], page["total"], page["pages"]) == ([last["id"]], 3, 2)
    item = (await admin.client.get(QUEUE)).json()["items"][0]
    owner = (await (await cast.owner()).client.get("/api/v1/me")).json()
    assert (item["organization_name"], item["link"]) == (owner["organization"]["name"], f"/listings/{first['id']}")


async def test_approving_publishes_the_listing_and_records_the_decision(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()

    response = await admin.client.post(f"{QUEUE}/listing/{listing['id']}/approve", json={"note": "Looks fine"})

    assert response.status_code == 200, response.text
    decision = response.json()
    assert (decision["entity_type"], decision["entity_id"], decision["decision"], decision["reason_code"],
            decision["note"], decision["admin_user_id"]) == (
        "listing", listing["id"], "approved", None, "Looks fine", admin.user_id)
    stored = (await (await cast.owner()).client.get(f"/api/v1/listings/{listing['id']}")).json()
    assert stored["status"] == "published"
    kinds = [n["kind"] for n in (await (await cast.owner()).client.get("/api/v1/notifications")).json()["items"]]
    assert kinds == ["listing_approved"]
    assert await queue(admin.client) == []


async def test_approving_needs_no_body(cast: Cast, buyers: Cast) -> None:
    rfq = await rfq_in_status(buyers, "pending_review")

    response = await (await cast.admin()).client.post(f"{QUEUE}/rfq/{rfq['id']}/approve")

    assert (response.status_code, response.json()["note"]) == (200, "")
    assert (await (await buyers.owner()).client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["status"] == "open"


async def test_rejecting_tells_the_owner_the_reason(cast: Cast, buyers: Cast) -> None:
    rfq = await rfq_in_status(buyers, "pending_review")

    response = await (await cast.admin()).client.post(
        f"{QUEUE}/rfq/{rfq['id']}/reject", json={"reason_code": "contact_details_in_text", "note": "Remove the phone"})

    assert (response.json()["decision"], response.json()["reason_code"]) == ("rejected", "contact_details_in_text")
    buyer = await buyers.owner()
    stored = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()
    reason = "Contact details in the text: Remove the phone"
    assert (stored["status"], stored["rejection_reason"]) == ("rejected", reason)
    notes = (await buyer.client.get("/api/v1/notifications")).json()["items"]
    assert [(n["kind"], n["body"]) for n in notes] == [
        ("rfq_rejected", f"Reason: {reason}\nEdit it and submit it for review again.")]


async def test_a_reason_from_the_list_is_enough_except_other(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()
    path = f"{QUEUE}/listing/{listing['id']}/reject"

    assert_invalid(await admin.client.post(path, json={"reason_code": "other"}), note="note_required")
    assert_invalid(await admin.client.post(path, json={}), reason_code="missing")
    assert_invalid(await admin.client.post(path, json={"reason_code": "ugly"}), reason_code="enum")
    response = await admin.client.post(path, json={"reason_code": "duplicate"})

    assert response.status_code == 200
    stored = (await (await cast.owner()).client.get(f"/api/v1/listings/{listing['id']}")).json()
    assert stored["rejection_reason"] == "Duplicate"


async def test_a_decision_on_something_not_pending_is_refused_and_not_recorded(cast: Cast,
                                                                                db: AsyncSession) -> None:
    listing = await listing_in_status(cast, "published")
    admin = await cast.admin()

    response = await admin.client.post(f"{QUEUE}/listing/{listing['id']}/reject", json={"reason_code": "misleading"})

    assert_problem(response, 409, "invalid_status_transition")
    assert await db.scalar(select(func.count()).select_from(ModerationDecision)) == 0


async def test_unknown_kinds_and_objects_are_not_found(cast: Cast) -> None:
    admin = await cast.admin()
    assert_problem(await admin.client.post(f"{QUEUE}/invoice/1/approve"), 404, "not_found")
    assert_problem(await admin.client.post(f"{QUEUE}/listing/4242/approve"), 404, "not_found")
    assert_problem(await admin.client.get(QUEUE + "?entity_type=invoice"), 404, "not_found")


async def test_decisions_are_listed_newest_first_with_who_and_why(cast: Cast, buyers: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    rfq = await rfq_in_status(buyers, "pending_review")
    admin = await cast.admin()
    await admin.client.post(f"{QUEUE}/listing/{listing['id']}/approve")
    await admin.client.post(f"{QUEUE}/rfq/{rfq['id']}/reject", json={"reason_code": "other", "note": "Spam"})

    response = await admin.client.get(QUEUE + "/decisions")

    assert [(d["entity_type"], d["entity_id"], d["decision"], d["reason_code"], d["note"], d["admin_user_id"])
            for d in response.json()["items"]] == [
        ("rfq", rfq["id"], "rejected", "other", "Spam", admin.user_id),
        ("listing", listing["id"], "approved", None, "", admin.user_id)]
    only_rfq = (await admin.client.get(QUEUE + f"/decisions?entity_type=rfq&entity_id={rfq['id']}")).json()
    assert [d["entity_id"] for d in only_rfq["items"]] == [rfq["id"]]
    reasons = (await admin.client.get(QUEUE + "/reasons")).json()
    assert [r["code"] for r in reasons] == ["prohibited_item", "incomplete", "misleading", "duplicate",
                                           "contact_details_in_text", "other"]


ENDPOINTS = [("GET", QUEUE, None), ("GET", QUEUE + "/decisions", None), ("GET", QUEUE + "/reasons", None),
             ("POST", QUEUE + "/listing/{id}/approve", None),
             ("POST", QUEUE + "/listing/{id}/reject", {"reason_code": "duplicate"})]


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"), ("owner", 403, "admin_only"), ("stranger", 403, "admin_only"),
])
async def test_only_admins_moderate(cast: Cast, db: AsyncSession, method: str, path: str, body: Any, role: str,
                                    status: int, code: str) -> None:
    listing = await listing_in_status(cast, "pending_review")
    client = await cast.client(role)

    response = await client.request(method, path.format(id=listing["id"]), json=body)

    assert_problem(response, status, code)
    stored = (await (await cast.owner()).client.get(f"/api/v1/listings/{listing['id']}")).json()
    assert stored["status"] == "pending_review"
    assert await db.scalar(select(func.count()).select_from(ModerationDecision)) == 0


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
async def test_admins_may(cast: Cast, method: str, path: str, body: Any) -> None:
    listing = await listing_in_status(cast, "pending_review")
    response = await (await cast.admin()).client.request(method, path.format(id=listing["id"]), json=body)
    assert response.status_code == 200, response.text
