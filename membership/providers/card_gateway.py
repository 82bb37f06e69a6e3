"""A card gateway in the style of the well-known ones: we ask it to charge, it tells us the outcome by signed
webhooks. The card network itself is outside our reach: `FakeCardNetwork` stands in for its charge call.

Signature header: `Tradeleads-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the
shared secret; a timestamp outside the tolerance window is refused, so a captured request cannot be replayed.
"""

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from app.core.errors import AppError
from app.core.security import timestamped_signature as signature
from app.core.security import timestamped_signature_header as signature_header  # noqa: F401  (what senders use)
from app.models import Invoice
from app.models.enums import PaymentProviderName
from membership.providers.base import ChargeAttempt

SIGNATURE_HEADER = "Tradeleads-Signature"


class CardNetwork(Protocol):
    async def charge(self, amount: str, currency: str, idempotency_key: str) -> str:
        """Starts a charge and returns its id; the result is reported later by webhook."""
        ...


class FakeCardNetwork:
    """Accepts every charge request; the deterministic id makes retries of one invoice the same charge."""

    async def charge(self, amount: str, currency: str, idempotency_key: str) -> str:
        return f"ch_{idempotency_key}"


class CardGatewayProvider:
    name = PaymentProviderName.CARD_GATEWAY

    def __init__(self, network: CardNetwork) -> None:
        self._network = network

    def payment_instructions(self, invoice: Invoice) -> str | None:
        return None

    async def collect(self, invoice: Invoice) -> ChargeAttempt:
        reference = await self._network.charge(f"{invoice.total:f}", invoice.currency, invoice.number)
        return ChargeAttempt(reference=reference, status="pending")


@dataclass(frozen=True)
class GatewayEvent:
    id: str
    type: str
    created: datetime
    data: dict[str, Any]


def _bad_signature(detail: str, code: str = "invalid_signature") -> AppError:
    return AppError(detail, code=code, status=400, title="Bad request")


def _parse_header(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value)
    if timestamp is None or not signatures:
        raise _bad_signature(f"The {SIGNATURE_HEADER} header is malformed")
    return timestamp, signatures


def verify(secret: str, header: str | None, body: bytes, now: datetime, tolerance_seconds: int) -> None:
    if not header:
        raise _bad_signature(f"The {SIGNATURE_HEADER} header is missing")
    timestamp, signatures = _parse_header(header)
    expected = signature(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise _bad_signature("The webhook signature does not match")
    if abs(now.timestamp() - timestamp) > tolerance_seconds:
        raise _bad_signature("The webhook timestamp is outside the tolerance window", code="stale_webhook")


def parse_event(body: bytes) -> GatewayEvent:
    try:
        raw = json.loads(body)
        return GatewayEvent(id=str(raw["id"]), type=str(raw["type"]),
                            created=datetime.fromtimestamp(int(raw["created"]), UTC), data=dict(raw["data"]))
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        raise AppError("The webhook body is not a valid event", code="invalid_event", status=400,
                       title="Bad request") from exc
