"""RFQ search names no buyer, for anyone: neither the results (API and page) nor the index behind them carry the
buyer's company, contact or organisation id, and results show an excerpt of the request, never the whole of it
(the buyer and the whole request show when a supplier opens the RFQ: tests/rfqs/test_rfq_privacy.py)."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from search.types import DocType
from tests.conftest import Actor
from tests.search_api.conftest import index_now, open_rfq
from tests.support.membership import put_on_tier

COMPANY = "Hamburg Kaffeekontor GmbH"
SECRET = "We buy today from Fazenda Boa Vista."
DESCRIPTION = ("Green arabica coffee, washed, screen 16 and up, moisture under 12.5 percent, crop 2026, in 60 kg "
               "jute bags with GrainPro liners; SCA cupping score 82 or better. " + SECRET)


async def test_rfq_search_and_its_index_never_name_the_buyer(app: FastAPI, client: httpx.AsyncClient,
                                                            engine: SearchBackend, make_actor: Any,
                                                            db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    buyer: Actor = await make_actor("buyer", organization_name=COMPANY, country="DE")
    free: Actor = await make_actor("supplier")
    gold: Actor = await make_actor("supplier")
    await put_on_tier(db, gold.organization_id, "gold")
    await db.commit()
    rfq = await open_rfq(buyer, admin, title="Arabica green coffee beans", hs_code="090111", description=DESCRIPTION)
    await index_now(app)

    for searcher in (client, free.client, gold.client):
        response = await searcher.get("/api/v1/search/rfqs", params={"q": "arabica coffee"})
        [item] = response.json()["items"]
        assert item["rfq"]["id"] == rfq["id"] and item["rfq"]["buyer_country"] == "DE"
        assert item["rfq"]["description"].endswith("…") and SECRET not in item["rfq"]["description"]
        assert "buyer_name" not in item["rfq"]
        for hidden in ("Kaffeekontor", buyer.email):
            assert hidden not in response.text
        page = await searcher.get("/search", params={"type": "rfqs", "q": "arabica coffee"})
        assert "A buyer in Germany" in page.text and "Kaffeekontor" not in page.text

    hidden_text = await client.get("/api/v1/search/rfqs", params={"q": "Fazenda Boa Vista"})
    assert hidden_text.json()["items"] == [] and "Fazenda" not in hidden_text.text

    stored = (await engine.fetch(DocType.RFQS, [rfq["id"]]))[rfq["id"]]
    assert stored["organization_id"] != buyer.organization_id
    assert stored["buyer_country"] == "DE"
    assert "Kaffeekontor" not in str(stored) and buyer.email not in str(stored) and SECRET not in str(stored)

