"""The quote cap under concurrency: suppliers racing for the last slot of an RFQ, exactly one wins."""

import asyncio

import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db import is_sqlite
from tests.support.actors import Cast
from tests.support.quotes import close_all, open_rfq, quote_payload, submit, suppliers


@pytest.mark.postgres_only
async def test_suppliers_racing_for_the_tenth_slot_exactly_one_wins(cast: Cast, app: FastAPI,
                                                                     settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    early, racers = await suppliers(app, 9), await suppliers(app, 6)
    for round_ in range(3):  # a race is a matter of timing: several rounds make a lost lock show
        rfq = await open_rfq(cast, title=f"Coffee {round_}")  # takes 10 quotes
        for actor in early:
            await submit(actor.client, rfq)

        responses = await asyncio.gather(*(actor.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes",
                                                             json=quote_payload()) for actor in racers))

        assert sorted(response.status_code for response in responses) == [201, 409, 409, 409, 409, 409]
        assert {response.json()["code"] for response in responses if response.status_code == 409} == {"rfq_full"}
        quotes = (await (await cast.owner()).client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json()
        assert len(quotes) == 10
    await close_all(early + racers)


@pytest.mark.postgres_only
async def test_one_supplier_sending_twice_at_once_gets_one_quote(cast: Cast, app: FastAPI,
                                                                 settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    rfq = await open_rfq(cast)
    [supplier] = await suppliers(app, 1)

    responses = await asyncio.gather(*(supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes",
                                                            json=quote_payload()) for _ in range(3)))

    assert sorted(response.status_code for response in responses) == [201, 409, 409]
    assert {response.json()["code"] for response in responses if response.status_code == 409} == {"quote_exists"}
    await close_all([supplier])
