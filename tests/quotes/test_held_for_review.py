"""Quotes whose message has contact details are held for review: the buyer neither sees them nor is told until an
admin approves; a rejection frees the supplier's slot and tells it why."""

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ModerationDecision
from app.quotes.schemas import HELD_NOTE
from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.pages import text_of
from tests.support.problems import assert_problem
from tests.support.quotes import close_all, notifications_of, open_rfq, quote_payload, submit, suppliers

QUEUE = "/api/v1/admin/moderation"
CONTACT = "Best price, call me on +86 138 0013 8000"


async def notes_of(actor: Actor) -> list[tuple[str, str, str]]:
    items = (await actor.client.get("/api/v1/notifications")).json()["items"]
    return [(item["kind"], item["title"], item["body"]) for item in items]


async def buyer_quote_ids(buyer: Actor, rfq: dict[str, Any]) -> tuple[list[int], list[int]]:
    """The quotes the buyer lists, and those in its comparison."""
    listed = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json()
    compared = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/comparison")).json()["rows"]
    return [quote["id"] for quote in listed], [row["quote_id"] for row in compared]


async def queued(admin: Actor) -> list[tuple[str, int]]:
    response = await admin.client.get(QUEUE + "?entity_type=quote")
    assert response.status_code == 200, response.text
    return [(item["entity_type"], item["entity_id"]) for item in response.json()["items"]]


async def test_a_quote_with_contact_details_is_held_and_hidden_from_the_buyer(cast: Cast, supplier: Actor,
                                                                              rival: Actor, db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    clean = await submit(rival.client, rfq)

    held = await submit(supplier.client, rfq, message=CONTACT)

    assert (held["status"], held["review_note"], held["rejection_reason"]) == ("pending_review", HELD_NOTE, None)
    buyer = await cast.owner()
    assert await buyer_quote_ids(buyer, rfq) == ([clean["id"]], [clean["id"]])
    assert_problem(await buyer.client.get(f"/api/v1/quotes/{held['id']}"), 404, "not_found")
    assert_problem(await buyer.client.post(f"/api/v1/rfqs/{rfq['id']}/award", json={"quote_id": held["id"]}),
                   404, "not_found")
    assert await notifications_of(db, buyer.organization_id) == [
        ("quote_received", "New quote on your RFQ “Green coffee beans”")]
    mine = (await supplier.client.get(f"/api/v1/quotes/{held['id']}")).json()
    assert (mine["status"], mine["review_note"]) == ("pending_review", HELD_NOTE)
    admin = await cast.admin()
    assert await queued(admin) == [("quote", held["id"])]
    item = (await admin.client.get(QUEUE)).json()["items"][0]
    assert (item["title"], item["link"], item["organization_id"]) == (
        f"Quote on RFQ #{rfq['id']}: 3150.5 EUR — {CONTACT}", f"/api/v1/quotes/{held['id']}",
        supplier.organization_id)


async def test_a_held_quote_takes_its_slot_and_is_the_suppliers_active_quote(cast: Cast, app: FastAPI,
                                                                             supplier: Actor) -> None:
    rfq = await open_rfq(cast, max_quotes=1)
    await submit(supplier.client, rfq, message="mail sales@acme.cn")
    [late] = await suppliers(app, 1)

    assert_problem(await late.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()), 409, "rfq_full")
    assert_problem(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()),
                   409, "quote_exists")
    await close_all([late])


async def test_approving_submits_the_quote_and_tells_the_buyer(cast: Cast, supplier: Actor,
                                                               db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    held = await submit(supplier.client, rfq, message=CONTACT)
    admin = await cast.admin()

    response = await admin.client.post(f"{QUEUE}/quote/{held['id']}/approve", json={"note": "Landline of the mill"})

    assert (response.status_code, response.json()["decision"]) == (200, "approved")
    buyer = await cast.owner()
    assert await buyer_quote_ids(buyer, rfq) == ([held["id"]], [held["id"]])
    assert (await buyer.client.get(f"/api/v1/quotes/{held['id']}")).json()["status"] == "submitted"
    assert await notifications_of(db, buyer.organization_id) == [
        ("quote_received", "New quote on your RFQ “Green coffee beans”")]
    assert await queued(admin) == []
    assert_problem(await admin.client.post(f"{QUEUE}/quote/{held['id']}/approve"), 409, "not_pending_review")
    assert await db.scalar(select(func.count()).select_from(ModerationDecision)) == 1


async def test_rejecting_frees_the_slot_and_tells_the_supplier_why(cast: Cast, app: FastAPI, supplier: Actor,
                                                                   db: AsyncSession) -> None:
    rfq = await open_rfq(cast, max_quotes=1)
    held = await submit(supplier.client, rfq, message="WeChat: acme_sales")
    admin = await cast.admin()

    response = await admin.client.post(f"{QUEUE}/quote/{held['id']}/reject",
                                       json={"reason_code": "contact_details_in_text", "note": "No WeChat ids"})

    assert (response.status_code, response.json()["reason_code"]) == (200, "contact_details_in_text")
    reason = "Contact details in the text: No WeChat ids"
    mine = (await supplier.client.get(f"/api/v1/quotes/{held['id']}")).json()
    assert (mine["status"], mine["rejection_reason"], mine["review_note"]) == (
        "rejected", reason, f"Rejected by moderation: {reason}")
    assert await notes_of(supplier) == [("quote_rejected", "Your quote on “Green coffee beans” was rejected by "
                                         "moderation", f"Your quote: 3150.5 EUR per metric_ton\nReason: {reason}")]
    buyer = await cast.owner()
    assert await buyer_quote_ids(buyer, rfq) == ([], [])
    assert await notifications_of(db, buyer.organization_id) == []
    assert_problem(await supplier.client.patch(f"/api/v1/quotes/{held['id']}", json={"message": "ok"}),
                   409, "quote_not_active")
    again = await submit(supplier.client, rfq, message="Clean offer")
    assert again["status"] == "submitted"


async def test_a_revision_with_contact_details_is_held_and_a_clean_one_releases_it(cast: Cast, supplier: Actor,
                                                                                  db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    path = f"/api/v1/quotes/{quote['id']}"

    held = (await supplier.client.patch(path, json={"message": "Details on www.acme.com"})).json()

    buyer = await cast.owner()
    assert held["status"] == "pending_review"
    assert await buyer_quote_ids(buyer, rfq) == ([], [])
    released = (await supplier.client.patch(path, json={"message": "Details in the attached listing"})).json()
    assert (released["status"], released["revision"]) == ("submitted", 2)
    assert await buyer_quote_ids(buyer, rfq) == ([quote["id"]], [quote["id"]])
    title = "New quote on your RFQ “Green coffee beans”"
    assert await notifications_of(db, buyer.organization_id) == [("quote_received", title),
                                                                   ("quote_received", title)]


async def test_a_held_quote_is_declined_with_the_others_when_the_rfq_is_awarded(cast: Cast, app: FastAPI,
                                                                                supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    held = await submit(supplier.client, rfq, message=CONTACT)
    [other] = await suppliers(app, 1)
    winner = await submit(other.client, rfq)

    response = await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/award",
                                                      json={"quote_id": winner["id"]})

    assert response.status_code == 200, response.text
    assert (await supplier.client.get(f"/api/v1/quotes/{held['id']}")).json()["status"] == "declined"
    assert await queued(await cast.admin()) == []
    await close_all([other])


@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"), ("owner", 403, "admin_only"), ("member", 403, "admin_only"),
    ("stranger", 403, "admin_only"), ("supplier", 403, "admin_only"),
])
@pytest.mark.parametrize(("action", "body"), [("approve", None), ("reject", {"reason_code": "other", "note": "x"})])
async def test_only_admins_decide_on_held_quotes(cast: Cast, supplier: Actor, db: AsyncSession, role: str,
                                                 status: int, code: str, action: str, body: Any) -> None:
    rfq = await open_rfq(cast)
    held = await submit(supplier.client, rfq, message=CONTACT)
    client = supplier.client if role == "supplier" else await cast.client(role)

    response = await client.post(f"{QUEUE}/quote/{held['id']}/{action}", json=body)

    assert_problem(response, status, code)
    assert (await supplier.client.get(f"/api/v1/quotes/{held['id']}")).json()["status"] == "pending_review"
    assert await db.scalar(select(func.count()).select_from(ModerationDecision)) == 0


async def test_the_rfq_page_tells_the_supplier_its_quote_is_held(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    await submit(supplier.client, rfq, message=CONTACT)

    supplier_page = text_of(await supplier.client.get(f"/rfqs/{rfq['id']}"))
    buyer_page = text_of(await (await cast.owner()).client.get(f"/rfqs/{rfq['id']}"))

    assert HELD_NOTE in supplier_page
    assert "Revise quote" in supplier_page
    assert "Earlier quote" not in supplier_page
    assert CONTACT not in buyer_page
