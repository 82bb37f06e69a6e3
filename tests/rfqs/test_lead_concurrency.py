"""Opening leads at once: a Free supplier opening more RFQs at the same moment than its day allows gets exactly its
day's leads, never one more (PostgreSQL, real concurrent requests)."""

import asyncio

import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db import is_sqlite
from tests.support.actors import Cast
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.quotes import close_all, open_rfq, suppliers

FREE_LEADS_PER_DAY = 5


@pytest.mark.postgres_only
async def test_a_supplier_opening_many_leads_at_once_gets_exactly_its_days_leads(
        cast: Cast, app: FastAPI, settings: Settings, travel: Travel) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    travel(MID_MONTH_NOON)
    rfqs = [await open_rfq(cast, title=f"Green coffee lot {number}") for number in range(FREE_LEADS_PER_DAY + 4)]
    [supplier] = await suppliers(app, 1)

    responses = await asyncio.gather(*(supplier.client.get(f"/api/v1/rfqs/{rfq['id']}") for rfq in rfqs))

    assert [response.status_code for response in responses] == [200] * len(rfqs)
    opened = [response.json()["full_text"] for response in responses]
    assert opened.count(True) == FREE_LEADS_PER_DAY
    leads = (await supplier.client.get("/api/v1/leads")).json()
    assert leads["remaining_today"] == 0
    await close_all([supplier])
