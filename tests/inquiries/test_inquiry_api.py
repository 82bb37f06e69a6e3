"""Inquiries over the API: a buyer asks about a published listing, both sides reply, unread counts per side."""

from decimal import Decimal

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Inquiry, InquiryMessage
from tests.inquiries.helpers import inbox, published_listing_id, reply, send
from tests.support.actors import Cast
from tests.support.listings import listing_in_status
from tests.support.problems import assert_invalid, assert_problem


async def test_a_buyer_opens_a_thread_with_the_supplier(cast: Cast) -> None:
    supplier, buyer = await cast.owner(), await cast.other("buyer")
    listing_id = await published_listing_id(cast, title="Cashew nuts W320")

    thread = await send(buyer.client, listing_id, "Price for 2 containers?", quantity="2", unit="container_40ft")

    assert thread["subject"] == "Cashew nuts W320"
    assert (thread["listing_id"], thread["my_role"], thread["unread"]) == (listing_id, "buyer", 0)
    assert (thread["buyer_organization_id"], thread["supplier_organization_id"]) == (
        buyer.organization_id, supplier.organization_id)
    assert (Decimal(thread["quantity"]), thread["unit"]) == (Decimal(2), "container_40ft")
    assert [(m["organization_id"], m["user_id"], m["body"]) for m in thread["messages"]] == [
        (buyer.organization_id, buyer.user_id, "Price for 2 containers?")]
    assert await inbox(supplier.client) == [(thread["id"], 1)]


async def test_quantity_without_unit_takes_the_listings_unit(cast: Cast) -> None:
    listing_id = await published_listing_id(cast)

    thread = await send((await cast.other("buyer")).client, listing_id, quantity="750")

    assert (thread["quantity"], thread["unit"]) == ("750", "piece")


async def test_the_supplier_is_notified_of_a_new_inquiry(cast: Cast) -> None:
    supplier, buyer = await cast.owner(), await cast.other("buyer")
    listing_id = await published_listing_id(cast, title="Cashew nuts W320")
    thread = await send(buyer.client, listing_id, "Price for 2 containers?")

    items = (await supplier.client.get("/api/v1/notifications")).json()["items"]

    buyer_name = thread["buyer_organization_name"]
    assert [(i["kind"], i["title"], i["body"], i["link"]) for i in items][:1] == [
        ("inquiry_received", f"New inquiry from {buyer_name} about Cashew nuts W320", "Price for 2 containers?",
         f"/inquiries/{thread['id']}")]


async def test_replies_go_both_ways_and_notify_the_other_side(cast: Cast) -> None:
    supplier, buyer = await cast.owner(), await cast.other("buyer")
    thread = await send(buyer.client, await published_listing_id(cast))

    await reply(supplier.client, thread["id"], "Yes, CIF Rotterdam.")
    await reply(buyer.client, thread["id"], "Great, send a quote.")

    read = (await supplier.client.get(f"/api/v1/inquiries/{thread['id']}")).json()
    assert [(m["organization_id"], m["body"]) for m in read["messages"]] == [
        (buyer.organization_id, "Do you ship to Rotterdam?"),
        (supplier.organization_id, "Yes, CIF Rotterdam."),
        (buyer.organization_id, "Great, send a quote."),
    ]
    buyer_kinds = [i["kind"] for i in (await buyer.client.get("/api/v1/notifications")).json()["items"]]
    assert buyer_kinds == ["inquiry_reply"]
    supplier_kinds = [i["kind"] for i in (await supplier.client.get("/api/v1/notifications")).json()["items"]]
    assert supplier_kinds[:2] == ["inquiry_reply", "inquiry_received"]


async def test_unread_counts_follow_each_side(cast: Cast) -> None:
    supplier, buyer = await cast.owner(), await cast.other("buyer")
    thread = await send(buyer.client, await published_listing_id(cast))
    await reply(buyer.client, thread["id"], "Also: what is your MOQ?")
    assert (await inbox(supplier.client), await inbox(buyer.client)) == ([(thread["id"], 2)], [(thread["id"], 0)])
    unread = await supplier.client.get("/api/v1/inquiries/unread-count")
    assert unread.json() == {"unread_messages": 2, "threads_with_unread": 1}

    await supplier.client.get(f"/api/v1/inquiries/{thread['id']}")
    assert await inbox(supplier.client) == [(thread["id"], 0)]

    await reply(supplier.client, thread["id"], "MOQ is 500 pieces.")
    assert (await inbox(supplier.client), await inbox(buyer.client)) == ([(thread["id"], 0)], [(thread["id"], 1)])


async def test_a_member_reading_marks_the_thread_read_for_the_whole_organization(cast: Cast) -> None:
    member, buyer = await cast.member(), await cast.other("buyer")
    thread = await send(buyer.client, await published_listing_id(cast))

    await member.client.get(f"/api/v1/inquiries/{thread['id']}")

    assert await inbox((await cast.owner()).client) == [(thread["id"], 0)]


async def test_the_inbox_separates_received_and_sent_inquiries(cast: Cast) -> None:
    supplier, buyer, admin = await cast.owner(), await cast.other("buyer"), await cast.admin()
    received = await send(buyer.client, await published_listing_id(cast))
    admins_listing = int((await listing_in_status(cast, "published", by="admin"))["id"])
    sent = await send(supplier.client, admins_listing, "Can you sell in bulk?")

    assert await inbox(supplier.client, "?role=supplier") == [(received["id"], 1)]
    assert await inbox(supplier.client, "?role=buyer") == [(sent["id"], 0)]
    assert await inbox(supplier.client) == [(sent["id"], 0), (received["id"], 1)]
    assert await inbox(admin.client, "?role=supplier") == [(sent["id"], 1)]


async def test_outsiders_cannot_find_a_thread(cast: Cast) -> None:
    buyer, stranger = await cast.other("buyer"), await cast.stranger()
    thread = await send(buyer.client, await published_listing_id(cast))

    assert_problem(await stranger.client.get(f"/api/v1/inquiries/{thread['id']}"), 404, "not_found")
    response = await stranger.client.post(f"/api/v1/inquiries/{thread['id']}/messages", json={"message": "Hi"})
    assert_problem(response, 404, "not_found")
    assert await inbox(stranger.client) == []
    assert_problem(await cast.anonymous.get(f"/api/v1/inquiries/{thread['id']}"), 401, "not_authenticated")


async def test_an_admin_reads_a_thread_without_touching_its_unread_counts(cast: Cast, db: AsyncSession) -> None:
    supplier, buyer, admin = await cast.owner(), await cast.other("buyer"), await cast.admin()
    thread = await send(buyer.client, await published_listing_id(cast))

    response = await admin.client.get(f"/api/v1/inquiries/{thread['id']}")

    assert response.status_code == 200
    assert response.json()["my_role"] is None
    assert await inbox(supplier.client) == [(thread["id"], 1)]
    refused = await admin.client.post(f"/api/v1/inquiries/{thread['id']}/messages", json={"message": "Hello"})
    assert_problem(refused, 403, "not_a_participant")
    assert await db.scalar(select(func.count()).select_from(InquiryMessage)) == 1


async def test_a_supplier_cannot_inquire_about_its_own_listing(cast: Cast, db: AsyncSession) -> None:
    listing_id = await published_listing_id(cast)

    for actor in (await cast.owner(), await cast.member()):
        response = await actor.client.post(f"/api/v1/listings/{listing_id}/inquiries", json={"message": "Hi"})
        assert_problem(response, 403, "own_listing")
    assert await db.scalar(select(func.count()).select_from(Inquiry)) == 0


@pytest.mark.parametrize("status", ["draft", "pending_review", "rejected", "archived"])
async def test_only_published_listings_take_inquiries(cast: Cast, status: str) -> None:
    listing_id = (await listing_in_status(cast, status))["id"]
    path = f"/api/v1/listings/{listing_id}/inquiries"

    assert_problem(await (await cast.other("buyer")).client.post(path, json={"message": "Hi"}), 404, "not_found")
    admin_response = await (await cast.admin()).client.post(path, json={"message": "Hi"})
    assert_problem(admin_response, 409, "listing_not_published")


async def test_anonymous_visitors_cannot_inquire(cast: Cast) -> None:
    listing_id = await published_listing_id(cast)
    response = await cast.anonymous.post(f"/api/v1/listings/{listing_id}/inquiries", json={"message": "Hi"})
    assert_problem(response, 401, "not_authenticated")
    assert_problem(await cast.anonymous.get("/api/v1/inquiries"), 401, "not_authenticated")


async def test_a_missing_listing_or_thread_is_not_found(cast: Cast) -> None:
    buyer = await cast.other("buyer")
    assert_problem(await buyer.client.post("/api/v1/listings/4242/inquiries", json={"message": "Hi"}), 404,
                   "not_found")
    assert_problem(await buyer.client.get("/api/v1/inquiries/4242"), 404, "not_found")


@pytest.mark.parametrize(("body", "codes"), [
    ({}, {"message": "missing"}),
    ({"message": "   "}, {"message": "string_too_short"}),
    ({"message": "x" * 5001}, {"message": "string_too_long"}),
    ({"message": "Hi", "quantity": "0"}, {"quantity": "greater_than"}),
    ({"message": "Hi", "unit": "kg"}, {"quantity": "quantity_required"}),
    ({"message": "Hi", "quantity": "5", "unit": "bucket"}, {"unit": "enum"}),
    ({"message": "Hi", "price": "3"}, {"price": "extra_forbidden"}),
])
async def test_bad_inquiries_are_refused_and_store_nothing(cast: Cast, db: AsyncSession, body: dict[str, str],
                                                           codes: dict[str, str]) -> None:
    listing_id = await published_listing_id(cast)
    response = await (await cast.other("buyer")).client.post(f"/api/v1/listings/{listing_id}/inquiries", json=body)
    assert_invalid(response, **codes)
    assert await db.scalar(select(func.count()).select_from(Inquiry)) == 0


async def test_an_empty_reply_is_refused(cast: Cast) -> None:
    buyer = await cast.other("buyer")
    thread = await send(buyer.client, await published_listing_id(cast))
    response = await buyer.client.post(f"/api/v1/inquiries/{thread['id']}/messages", json={"message": ""})
    assert_invalid(response, message="string_too_short")


async def test_inquiries_are_rate_limited_per_user(app: FastAPI, cast: Cast, db: AsyncSession,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    buyer, other_sender = await cast.other("buyer"), await cast.stranger()
    listing_id = await published_listing_id(cast)
    monkeypatch.setattr(app.state.settings, "inquiries_per_hour", 3)
    for _ in range(3):
        await send(buyer.client, listing_id)

    response = await buyer.client.post(f"/api/v1/listings/{listing_id}/inquiries", json={"message": "4th"})

    await send(other_sender.client, listing_id)  # the limit is per sender
    assert response.status_code == 429
    body = response.json()
    assert (body["code"], body["status"]) == ("too_many_requests", 429)
    assert 3590 <= body["retry_after"] <= 3601
    assert response.headers["Retry-After"] == str(body["retry_after"])
    assert response.headers["content-type"] == "application/problem+json"
    assert await db.scalar(select(func.count()).select_from(Inquiry)) == 4
