"""RFQs for tests: a valid payload, and RFQs brought to a status through the API."""

from datetime import date, timedelta
from typing import Any
from unittest.mock import ANY

import httpx

from app.core import clock
from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.owned import OwnedKind, bring_to, create

REJECT_REASON = "Too vague to quote"

# The steps after creation that lead to each status (or story, like closed_after_open), and who takes them.
PATH_TO = {
    "draft": (),
    "pending_review": (("owner", "submit"),),
    "open": (("owner", "submit"), ("admin", "approve")),
    "rejected": (("owner", "submit"), ("admin", "reject")),
    "closed": (("owner", "close"),),
    "closed_after_open": (("owner", "submit"), ("admin", "approve"), ("owner", "close")),
}


def days_from_today(days: int) -> date:
    return clock.today() + timedelta(days=days)


def rfq_payload(**overrides: Any) -> dict[str, Any]:
    return {"title": "Green coffee beans", "quantity": "20", "unit": "metric_ton",
            "valid_until": days_from_today(30).isoformat(), **overrides}


async def create_rfq(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    return await create(client, "rfqs", rfq_payload(**overrides))


async def rfq_in_status(cast: Cast, status: str, *, by: str = "owner", **overrides: Any) -> dict[str, Any]:
    """An RFQ of the cast member `by` (the owner unless said), taken to `status` by them and, where review
    is needed, by the admin."""
    rfq = await bring_to(cast, "rfqs", rfq_payload(**overrides), PATH_TO[status], by=by,
                         reject_reason=REJECT_REASON)
    assert rfq["status"] == status.removesuffix("_after_open")
    return rfq


def as_outsider_sees(rfq: dict[str, Any]) -> dict[str, Any]:
    """An RFQ as someone who may not know its buyer and has not opened it as a lead sees it (anonymous visitors,
    other buyers, every list): no buyer ids, the description's excerpt (these tests' descriptions are short)."""
    assert len(rfq["description"]) <= 160
    return rfq | {"organization_id": None, "user_id": None, "full_text": False}


def seen_by(role: str, rfq: dict[str, Any]) -> dict[str, Any]:
    """An RFQ as a role of the cast reads it (the cast's stranger is another buyer)."""
    if role == "admin":  # and its lead quality, once submitted (tests/rfqs/test_lead_quality.py checks it)
        return {**rfq, "quality": ANY}
    return rfq if role in ("owner", "member") else as_outsider_sees(rfq)


RFQS = OwnedKind("rfqs", EntityType.RFQ, rfq_in_status)
