"""Quotes for tests: a valid payload, an open RFQ of the cast's buyer, suppliers, and what was notified."""

from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Notification, Rfq, User
from tests.conftest import Actor
from tests.support.actors import Cast, new_actor
from tests.support.rfqs import rfq_in_status


def quote_payload(**overrides: Any) -> dict[str, Any]:
    return {"unit_price": "3150.5", "currency": "EUR", "quantity": "20", "unit": "metric_ton", **overrides}


async def open_rfq(cast: Cast, **overrides: Any) -> dict[str, Any]:
    return await rfq_in_status(cast, "open", **overrides)


async def submit(client: httpx.AsyncClient, rfq: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    response = await client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload(**overrides))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def suppliers(app: FastAPI, count: int, role: str = "supplier") -> list[Actor]:
    """Owners of `count` new supplier organizations; the caller closes their clients."""
    return [await new_actor(app, role) for _ in range(count)]


async def close_all(actors: list[Actor]) -> None:
    for actor in actors:
        await actor.client.aclose()


# What the trading floor notifies (approval and moderation notices are another part's).
TRADING_KINDS = ("quote_received", "quote_revised", "quote_withdrawn", "quote_awarded", "quote_declined",
                 "rfq_expired")


async def notifications_of(db: AsyncSession, organization_id: int) -> list[tuple[str, str]]:
    """(kind, title) of the trading-floor notifications of the organization's users, oldest first."""
    rows = await db.execute(select(Notification.kind, Notification.title).join(User, User.id == Notification.user_id)
                            .where(User.organization_id == organization_id, Notification.kind.in_(TRADING_KINDS))
                            .order_by(Notification.id))
    await db.rollback()
    return [(kind.value, title) for kind, title in rows]


async def set_valid_until(db: AsyncSession, rfq_id: int, day: date) -> None:
    """Moves an RFQ's date into the past, as time would (the API refuses past dates)."""
    await db.execute(update(Rfq).where(Rfq.id == rfq_id).values(valid_until=day))
    await db.commit()
