"""Featured suppliers (booth promotion): an owner buys 30 days in an HS chapter it sells in with an invoice; once
paid (once, however often the payment is reported) the supplier shows, labelled, among the featured suppliers of the
chapter's pages and of the home page; the slots rotate fairly among the suppliers paying for the same place."""

import random
from collections import Counter
from datetime import timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from promotion.featured import rotated
from tests.accounts.test_account_pages import message_beside
from tests.ads.test_campaigns import PANEL
from tests.conftest import Actor, ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.search_api.conftest import published_listing
from tests.support.actors import Cast
from tests.support.pages import submit_form, text_of
from tests.support.problems import assert_invalid, assert_problem

LAMP = {**PANEL, "hs_code": "9405.11"}


async def _buy(owner: Actor, chapter: str = "94") -> dict[str, object]:
    response = await owner.client.post("/api/v1/ads/featured", json={"chapter": chapter})
    assert response.status_code == 201, response.text
    invoice: dict[str, object] = response.json()
    return invoice


def _featured_on(page: httpx.Response) -> bool:
    return "Featured supplier</a>" in page.text


async def test_a_paid_placement_shows_the_supplier_labelled_on_its_chapter_and_the_home_page(
        cast: Cast, client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    owner = await cast.owner()
    admin = await make_actor("both", admin=True)
    await published_listing(owner, admin, **LAMP)
    invoice = await _buy(owner)
    assert (invoice["purpose"], invoice["status"], invoice["total"]) == ("featured_supplier", "open", "99")
    waiting = (await owner.client.get("/api/v1/ads/featured")).json()
    assert [(p["chapter"], p["starts_on"], p["live"]) for p in waiting] == [("94", None, False)]
    assert not _featured_on(await client.get("/categories/94"))

    url = f"/api/v1/billing/invoices/{invoice['id']}/mark-paid"
    for reference in ("BANK-1", "BANK-1", "BANK-2"):  # booked, booked again, a second transfer
        assert (await admin.client.post(url, json={"reference": reference})).status_code == 200

    today = clock.today()
    live = (await owner.client.get("/api/v1/ads/featured")).json()
    assert [(p["starts_on"], p["ends_on"], p["live"]) for p in live] == [
        (today.isoformat(), (today + timedelta(days=30)).isoformat(), True)]
    refunds = (await admin.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()["refunds_due"]
    assert [refund["reference"] for refund in refunds] == ["BANK-2"]
    chapter = await client.get("/categories/94")
    assert _featured_on(chapter) and f'href="/suppliers/{owner.organization_slug}"' in chapter.text
    assert _featured_on(await client.get("/categories/9405"))  # a heading of the chapter
    assert not _featured_on(await client.get("/categories/61"))
    assert _featured_on(await client.get("/"))


async def test_buying_again_adds_on_and_refusals(cast: Cast, make_actor: ActorFactory,
                                                 client: httpx.AsyncClient) -> None:
    owner, member = await cast.owner(), await cast.member()
    admin = await make_actor("both", admin=True)
    buyer = await make_actor("buyer")
    await published_listing(owner, admin, **LAMP)
    for _ in range(2):
        invoice = await _buy(owner)
        await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid", json={"reference": "B"})
    today = clock.today()
    periods = [(p["starts_on"], p["ends_on"]) for p in (await owner.client.get("/api/v1/ads/featured")).json()]
    assert periods == [((today + timedelta(days=30)).isoformat(), (today + timedelta(days=60)).isoformat()),
                       (today.isoformat(), (today + timedelta(days=30)).isoformat())]  # newest first

    assert_invalid(await owner.client.post("/api/v1/ads/featured", json={"chapter": "61"}),
                   chapter="no_products_in_chapter")
    assert_invalid(await owner.client.post("/api/v1/ads/featured", json={"chapter": "9"}),
                   chapter="string_pattern_mismatch")
    assert_problem(await member.client.post("/api/v1/ads/featured", json={"chapter": "94"}), 403, "owner_only")
    assert_problem(await buyer.client.post("/api/v1/ads/featured", json={"chapter": "94"}), 403, "not_a_supplier")
    assert_problem(await client.post("/api/v1/ads/featured", json={"chapter": "94"}), 401, "not_authenticated")


def test_the_slots_rotate_fairly_among_the_paying_suppliers() -> None:
    chance = random.Random(5)
    shown: Counter[int] = Counter()
    for _ in range(3000):
        chosen = rotated([1, 2, 3, 4, 5], 3, chance)
        assert len(set(chosen)) == 3
        shown.update(chosen)
    assert all(1700 <= shown[supplier] <= 1900 for supplier in range(1, 6))  # 3000 x 3/5 = 1800 each
    assert rotated([7], 3, chance) == [7]


async def test_an_owner_buys_a_placement_from_the_advertising_page(client: httpx.AsyncClient,
                                                                  make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    owner = await make_actor("supplier")
    await published_listing(owner, admin, **LAMP)
    await client.post("/api/v1/auth/login", json={"email": owner.email, "password": owner.password})
    page = await client.get("/my/ads")
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert '<option value="94"' in page.text and '<option value="61"' not in page.text  # the chapters it sells in

    forged = await submit_form(client, "/my/ads", "/my/ads/featured", {"chapter": "61"})
    bought = await submit_form(client, "/my/ads", "/my/ads/featured", {"chapter": "94"})

    assert forged.status_code == 422 and message_beside(forged.text, "chapter").startswith("You have no published")
    assert bought.status_code == 303
    shown = text_of(await client.get(bought.headers["location"]))
    assert "Waiting for payment" in shown and "Invoice issued" in shown
