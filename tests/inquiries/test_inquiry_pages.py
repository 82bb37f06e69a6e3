"""Inquiry pages: the form on a listing page, the inbox with unread counts, a thread with its reply form."""

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Inquiry
from tests.inquiries.helpers import published_listing_id, send
from tests.support.actors import Cast
from tests.support.pages import submit_form, text_of


async def test_a_buyer_sends_an_inquiry_from_the_listing_page(cast: Cast) -> None:
    buyer, supplier = await cast.other("buyer"), await cast.owner()
    listing_id = await published_listing_id(cast, title="Jute shopping bags")
    page = await buyer.client.get(f"/listings/{listing_id}")
    assert "Send inquiry" in page.text

    response = await submit_form(buyer.client, f"/listings/{listing_id}", f"/listings/{listing_id}/inquiries",
                                 {"quantity": "5000", "unit": "piece", "message": "Printed with our logo?"})

    assert response.status_code == 303
    thread = await buyer.client.get(response.headers["location"])
    assert "Printed with our logo?" in text_of(thread)
    assert "quantity 5,000 piece" in text_of(thread)
    inbox = text_of(await supplier.client.get("/inquiries"))
    assert "Jute shopping bags" in inbox and '<span class="badge unread-count">1</span>' in inbox


async def test_a_refused_inquiry_shows_the_form_again(cast: Cast, db: AsyncSession) -> None:
    buyer = await cast.other("buyer")
    listing_id = await published_listing_id(cast)

    response = await submit_form(buyer.client, f"/listings/{listing_id}", f"/listings/{listing_id}/inquiries",
                                 {"quantity": "-3", "unit": "piece", "message": ""})

    assert response.status_code == 422
    assert "Send inquiry" in response.text and 'value="-3"' in response.text
    assert await db.scalar(select(func.count()).select_from(Inquiry)) == 0


async def test_the_listing_page_has_no_inquiry_form_for_its_supplier_or_anonymous(cast: Cast,
                                                                                  client: httpx.AsyncClient) -> None:
    listing_id = await published_listing_id(cast)
    assert "Send inquiry" not in (await (await cast.owner()).client.get(f"/listings/{listing_id}")).text
    anonymous = await client.get(f"/listings/{listing_id}")
    assert "Send inquiry" not in anonymous.text and "to ask the supplier" in text_of(anonymous)


async def test_the_supplier_replies_from_the_thread_page(cast: Cast) -> None:
    buyer, supplier = await cast.other("buyer"), await cast.owner()
    thread = await send(buyer.client, await published_listing_id(cast))
    url = f"/inquiries/{thread['id']}"

    response = await submit_form(supplier.client, url, url + "/messages", {"message": "We ship weekly."})

    assert (response.status_code, response.headers["location"]) == (303, url)
    messages = (await buyer.client.get(f"/api/v1/inquiries/{thread['id']}")).json()["messages"]
    assert [m["body"] for m in messages] == ["Do you ship to Rotterdam?", "We ship weekly."]


async def test_an_empty_reply_shows_the_thread_with_a_message(cast: Cast) -> None:
    buyer = await cast.other("buyer")
    thread = await send(buyer.client, await published_listing_id(cast))
    url = f"/inquiries/{thread['id']}"

    response = await submit_form(buyer.client, url, url + "/messages", {"message": "  "})

    assert response.status_code == 422
    assert "Do you ship to Rotterdam?" in text_of(response) and "Send reply" in response.text


async def test_outsiders_get_a_not_found_page(cast: Cast, client: httpx.AsyncClient) -> None:
    thread = await send((await cast.other("buyer")).client, await published_listing_id(cast))

    assert (await (await cast.stranger()).client.get(f"/inquiries/{thread['id']}")).status_code == 404
    response = await client.get(f"/inquiries/{thread['id']}")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
