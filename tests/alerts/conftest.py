"""Alerts through the app on the configured engine (embedded, or OpenSearch when TRADELEADS_OPENSEARCH_URL is set):
a small top-N and strict failure limits so that the cases stay short."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts.drain import AlertReport, AlertSettings, drain_alerts
from app.core.config import Settings, get_settings
from app.models import AlertDelivery, AlertJob, Notification, OutgoingEmail, User
from search.backend import SearchBackend
from tests.search_api.conftest import index_now

TOP_SUPPLIERS = 2
MIN_SCORE = None  # rank decides: a new listing must enter an RFQ's top suppliers


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    yield get_settings().model_copy(update={
        "alerts_rfq_top_suppliers": TOP_SUPPLIERS, "alerts_listing_min_score": MIN_SCORE,
        "webhook_retry_seconds": 60, "webhook_max_failures": 3, "webhook_timeout_seconds": 5.0,
        "webhook_private_destinations": True})  # the test receiver listens on 127.0.0.1


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend


async def work_off(app: FastAPI) -> AlertReport:
    """One worker round: index, then the alerts queue (on the embedded default the app did both after commit)."""
    await index_now(app)
    return await drain_alerts(app.state.sessionmaker, app.state.search,
                              AlertSettings.from_settings(app.state.settings))


async def alerted(db: AsyncSession) -> dict[str, set[int]]:
    """Event key -> the organisations told of it."""
    rows = await db.execute(select(AlertDelivery.event_key, AlertDelivery.organization_id))
    found: dict[str, set[int]] = {}
    for key, organization_id in rows:
        found.setdefault(key, set()).add(organization_id)
    await db.rollback()
    return found


async def notifications_of(db: AsyncSession, organization_id: int) -> list[dict[str, Any]]:
    rows = await db.scalars(select(Notification).join(User, User.id == Notification.user_id)
                            .where(User.organization_id == organization_id).order_by(Notification.id))
    found = [{"kind": n.kind.value, "title": n.title, "link": n.link, "body": n.body} for n in rows]
    await db.rollback()
    return found


async def emails_to(db: AsyncSession, address: str) -> list[str]:
    subjects = list(await db.scalars(select(OutgoingEmail.subject).where(OutgoingEmail.to_address == address)
                                     .order_by(OutgoingEmail.id)))
    await db.rollback()
    return subjects


async def pending_jobs(db: AsyncSession) -> int:
    rows = list(await db.scalars(select(AlertJob.id).where(AlertJob.processed_at.is_(None))))
    await db.rollback()
    return len(rows)
