"""/my/showcase through its forms, as a browser without JavaScript uses them; and the page that states every
ranking rule, paid ones included."""

import re

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ShowcasePick
from search.backend import SearchBackend
from tests.accounts.test_account_pages import message_beside
from tests.conftest import Actor, ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.search_api.conftest import index_now, published_listing
from tests.showcase.test_showcase_api import TOWELS, supplier_on
from tests.support.pages import submit_form, text_of


def _words(page: httpx.Response) -> str:
    """The page's words, tags left out."""
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(page)).split())


async def _logged_in(client: httpx.AsyncClient, actor: Actor) -> None:
    response = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": actor.password})
    assert response.status_code == 200, response.text


async def test_a_supplier_fills_its_slot_and_is_told_why_the_next_one_is_refused(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    towels = await published_listing(silver, admin, **TOWELS)
    robes = await published_listing(silver, admin, title="Cotton bath robes")
    stranger = await published_listing(await make_actor("supplier"), admin, title="Stranger's towels")
    await _logged_in(client, silver)
    page = await client.get("/my/showcase")
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert "0 of 1 showcase slots taken." in text_of(page)

    added = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(towels["id"])})
    assert added.status_code == 303 and added.headers["location"] == "/my/showcase?done=added"
    shown = text_of(await client.get(added.headers["location"]))
    assert "Added to your showcase" in shown and "1 of 1 showcase slots taken." in shown

    full = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(robes["id"])})
    assert full.status_code == 402
    assert "Your plan allows 1 showcase slot; upgrade to Gold to continue" in text_of(full)
    assert 'href="/plans' in full.text
    theirs = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(stranger["id"])})
    assert theirs.status_code == 422
    assert message_beside(theirs.text, "listing_id") == "Pick one of your own listings."
    assert await db.scalar(select(func.count()).select_from(ShowcasePick)) == 1

    removed = await submit_form(client, "/my/showcase", f"/my/showcase/{towels['id']}/remove", {})
    assert removed.status_code == 303
    assert "0 of 1 showcase slots taken." in text_of(await client.get(removed.headers["location"]))


async def test_the_page_asks_a_visitor_to_log_in_and_tells_a_buyer_it_is_for_suppliers(
        client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    anonymous = await client.get("/my/showcase")
    assert anonymous.status_code in (302, 303) and anonymous.headers["location"].startswith("/login")
    await _logged_in(client, await make_actor("buyer"))
    assert (await client.get("/my/showcase")).status_code == 403


async def test_how_ranking_works_states_each_plans_boost_and_the_showcase(client: httpx.AsyncClient) -> None:
    page = await client.get("/how-ranking-works")

    assert page.status_code == 200 and parse_errors(page.text) == []
    text = _words(page)
    for row in ("Free None 0", "Silver +1% 1", "Gold +3% 3", "Platinum +5% 10"):
        assert row in text
    assert "ranks up to 2% higher" in text and "never exceed 5%" in text


async def test_the_results_page_labels_the_showcase_and_discloses_paid_boosts(
        app: FastAPI, engine: SearchBackend, client: httpx.AsyncClient, make_actor: ActorFactory,
        db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    towels = await published_listing(silver, admin, **TOWELS)
    await published_listing(silver, admin, title="Cotton bath robes")
    await silver.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})
    await index_now(app)  # with OpenSearch a worker indexes; the embedded default did after each commit

    page = await client.get("/search", params={"q": "cotton"})

    assert "Paid members may rank up to 5% higher; see how ranking works ." in _words(page)
    cards = page.text.split('class="card search-hit')[1:]
    labelled = {card.split('href="/listings/')[1].split('"')[0]: 'class="badge showcase"' in card for card in cards}
    assert labelled == {str(towels["id"]): True, str(towels["id"] + 1): False}
