"""Two workers at once (PostgreSQL, where they really run in parallel): every job is worked off by one of them,
and even when the same event is queued several times no organisation is told of it twice."""

import asyncio
from collections import Counter
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts.drain import AlertSettings, drain_alerts
from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker, is_sqlite
from app.models import AlertJob, Notification, User
from app.models.enums import AlertEvent
from search.backend import SearchBackend
from tests.alerts.conftest import pending_jobs, work_off
from tests.alerts.test_match_alerts import CAMERA
from tests.search_api.conftest import index_now, open_rfq, published_listing

RFQS = 4
COPIES = 3  # each RFQ's event queued this many times


@pytest.mark.postgres_only
async def test_two_workers_alert_each_organisation_once(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                        db: AsyncSession, settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    app.state.after_commit = None  # no in-process drain: the two workers below do all the work
    admin = await make_actor("both", admin=True)
    suppliers = [await make_actor("supplier") for _ in range(2)]
    for supplier in suppliers:
        await published_listing(supplier, admin, **CAMERA)
    await work_off(app)
    buyer = await make_actor("buyer", country="DE")
    rfqs = [await open_rfq(buyer, admin, title=f"Sony DSC-W120P digital camera, lot {n}", quantity="200",
                           unit="piece") for n in range(RFQS)]
    db.add_all([AlertJob(event=AlertEvent.RFQ_OPENED, subject_id=rfq["id"])
                for rfq in rfqs for _ in range(COPIES - 1)])
    await db.commit()
    await index_now(app)
    options = AlertSettings.from_settings(settings)

    engines = [create_engine(settings) for _ in range(2)]
    try:
        reports = await asyncio.gather(*(
            drain_alerts(create_sessionmaker(e), engine, options, batch_size=2, worker=f"w{n}")
            for n, e in enumerate(engines)))
    finally:
        for e in engines:
            await e.dispose()

    first, second = (set(report.processed) for report in reports)
    assert first and second and not first & second
    assert len(first | second) == RFQS * COPIES and await pending_jobs(db) == 0
    assert sum(report.alerted for report in reports) == RFQS * len(suppliers)
    told = Counter((await db.execute(select(User.organization_id, Notification.link).join(
        User, User.id == Notification.user_id).where(Notification.kind == "rfq_match"))).all())
    assert told == {(supplier.organization_id, f"/rfqs/{rfq['id']}"): 1 for supplier in suppliers for rfq in rfqs}
