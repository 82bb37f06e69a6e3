"""Which actions notify whom: review outcomes tell the owning organization, with a link to the object."""

import httpx
from fastapi import FastAPI

from tests.support.actors import Cast
from tests.support.listings import listing_in_status
from tests.support.rfqs import rfq_in_status


async def notifications(client: httpx.AsyncClient) -> list[tuple[str, str, str | None]]:
    items = (await client.get("/api/v1/notifications")).json()["items"]
    return [(item["kind"], item["title"], item["link"]) for item in items]


async def test_a_published_listing_notifies_its_supplier(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published", title="Walnut kernels")

    assert await notifications((await cast.owner()).client) == [
        ("listing_approved", "Your listing is published: Walnut kernels", f"/listings/{listing['id']}")]
    assert await notifications((await cast.admin()).client) == []


async def test_a_rejected_listing_tells_the_supplier_why(cast: Cast) -> None:
    await listing_in_status(cast, "rejected", title="Walnut kernels")

    items = (await (await cast.owner()).client.get("/api/v1/notifications")).json()["items"]
    assert [(item["kind"], item["title"], item["link"]) for item in items] == [
        ("listing_rejected", "Your listing was not approved: Walnut kernels", "/my/listings")]
    assert items[0]["body"] == "Reason: Photos are missing\nEdit it and submit it for review again."


async def test_rfq_review_outcomes_notify_the_buyer(app: FastAPI, client: httpx.AsyncClient) -> None:
    buyers = Cast(app, client, "buyer")
    try:
        opened = await rfq_in_status(buyers, "open", title="Robusta beans")
        await rfq_in_status(buyers, "rejected", title="Arabica beans")
        assert await notifications((await buyers.owner()).client) == [
            ("rfq_rejected", "Your RFQ was not approved: Arabica beans", "/my/rfqs"),
            ("rfq_approved", "Your RFQ is open for quotes: Robusta beans", f"/rfqs/{opened['id']}"),
        ]
    finally:
        await buyers.close()


async def test_submitting_for_review_notifies_nobody(cast: Cast) -> None:
    await listing_in_status(cast, "pending_review")

    assert await notifications((await cast.owner()).client) == []
