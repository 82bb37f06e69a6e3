"""The kinds of object the moderation queue holds. A new kind plugs in by adding one adapter to MODERATED: its
model, its pending status and the service functions that approve and reject it."""

from collections.abc import Mapping

from app.core.errors import not_found
from app.core.schemas import plain_decimal
from app.listings import service as listings
from app.models import Listing, Quote, Rfq
from app.models.enums import ListingStatus, QuoteStatus, RfqStatus
from app.moderation.registry import ModerationAdapter, StatusAdapter
from app.quotes import review as quotes
from app.rfqs import service as rfqs

MODERATED: tuple[ModerationAdapter, ...] = (
    StatusAdapter("listing", Listing, ListingStatus.PENDING_REVIEW, listings.publish_listing, listings.reject_listing,
                  title_of=lambda row: str(row.title), link_of=lambda ident: f"/listings/{ident}"),
    StatusAdapter("rfq", Rfq, RfqStatus.PENDING_REVIEW, rfqs.approve_rfq, rfqs.reject_rfq,
                  title_of=lambda row: str(row.title), link_of=lambda ident: f"/rfqs/{ident}",
                  quality_of=lambda row: row.quality_score),
    StatusAdapter("quote", Quote, QuoteStatus.PENDING_REVIEW, quotes.approve_quote, quotes.reject_quote,
                  title_of=lambda row: f"Quote on RFQ #{row.rfq_id}: {plain_decimal(row.unit_price)} {row.currency}"
                                       f" — {row.message[:120]}",
                  link_of=lambda ident: f"/api/v1/quotes/{ident}"),
)
ADAPTERS: Mapping[str, ModerationAdapter] = {adapter.entity_type: adapter for adapter in MODERATED}


def adapter_for(entity_type: str) -> ModerationAdapter:
    adapter = ADAPTERS.get(entity_type)
    if adapter is None:
        raise not_found("Moderated object type")
    return adapter


def adapters(entity_type: str | None = None) -> list[ModerationAdapter]:
    return [adapter_for(entity_type)] if entity_type else list(MODERATED)
