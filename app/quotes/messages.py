"""The notifications of the quote life cycle: what the buyer and the suppliers are told, with a link to the RFQ."""

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.schemas import plain_decimal
from app.models import Quote, Rfq
from app.models.enums import NotificationKind
from app.notifications.service import Message, notify_organization

K = NotificationKind
TO_BUYER = {
    K.QUOTE_RECEIVED: "New quote on your RFQ “{title}”",
    K.QUOTE_REVISED: "A quote on your RFQ “{title}” was revised",
    K.QUOTE_WITHDRAWN: "A quote on your RFQ “{title}” was withdrawn",
    K.RFQ_EXPIRED: "Your RFQ “{title}” expired",
    K.RFQ_CLOSED: "Your RFQ “{title}” was closed",
}
TO_SUPPLIER = {
    K.QUOTE_AWARDED: "Your quote on “{title}” was awarded",
    K.QUOTE_DECLINED: "Your quote on “{title}” was declined",
    K.QUOTE_REJECTED: "Your quote on “{title}” was rejected by moderation",
}


def rfq_link(rfq: Rfq) -> str:
    return f"/rfqs/{rfq.id}"


def _price(quote: Quote) -> str:
    return f"{plain_decimal(quote.unit_price)} {quote.currency} per {quote.unit.value}"


async def tell_buyer(session: AsyncSession, rfq: Rfq, kind: NotificationKind, quote: Quote | None = None) -> None:
    body = f"Unit price {_price(quote)}" if quote is not None and kind is not K.QUOTE_WITHDRAWN else ""
    await notify_organization(session, rfq.organization_id,
                              Message(kind, TO_BUYER[kind].format(title=rfq.title), body, rfq_link(rfq)))


async def tell_supplier(session: AsyncSession, rfq: Rfq, quote: Quote, kind: NotificationKind,
                        note: str = "") -> None:
    body = f"Your quote: {_price(quote)}" + (f"\nReason: {note}" if note else "")
    await notify_organization(session, quote.organization_id,
                              Message(kind, TO_SUPPLIER[kind].format(title=rfq.title), body, rfq_link(rfq)))


def hours(seconds: int | None) -> Decimal | None:
    return None if seconds is None else (Decimal(seconds) / 3600).quantize(Decimal("0.1"))
