"""Matching pages: the buyer's matched suppliers, a supplier's leads, the HS code finder."""

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.pages import text_of


async def test_buyer_reaches_explained_matches_from_the_rfq_page(app: FastAPI, engine: SearchBackend,
                                                                  make_actor: ActorFactory, admin: Actor,
                                                                  buyer: Actor) -> None:
    roaster = await make_actor("supplier", organization_name="Minas Coffee", country="BR")
    await published_listing(roaster, admin, title="Green coffee beans arabica", hs_code="090111",
                            moq="1", moq_unit="metric_ton")
    rfq = await open_rfq(buyer, admin, title="Green coffee beans", hs_code="090111")
    await index_now(app)

    detail = await buyer.client.get(f"/rfqs/{rfq['id']}")
    assert f'href="/rfqs/{rfq["id"]}/matches"' in detail.text
    assert "/matches" not in (await roaster.client.get(f"/rfqs/{rfq['id']}")).text

    page = await buyer.client.get(f"/rfqs/{rfq['id']}/matches")
    assert page.status_code == 200
    text = text_of(page)
    assert "Minas Coffee" in text and "Same HS code 0901.11" in text and "Minimum order 1 t, within your 20 t" in text

    leads = text_of(await roaster.client.get("/leads"))
    assert "Green coffee beans" in leads and "opened today" in leads  # the roaster opened the RFQ page above
    assert "You can open 4 more of your plan's 5 leads today." in leads
    assert "A lead counts when you open it" in leads


async def test_hs_finder_lists_suggestions(client: httpx.AsyncClient, engine: SearchBackend) -> None:
    page = await client.get("/hs", params={"q": "frozen shrimp vannamei"})

    assert page.status_code == 200
    assert "<strong>0306.17</strong> (030617) — Crustaceans; frozen, shrimps and prawns" in text_of(page)
