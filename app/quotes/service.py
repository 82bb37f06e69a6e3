"""Quotes: a supplier submits one active quote per open RFQ, revises it (keeping the history) or withdraws it."""

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_seller, require_viewer
from app.core.clock import utcnow
from app.core.errors import AppError, FieldError, conflict, forbidden, validation_failed
from app.core.repository import Page, by_id, get_or_none, paginate
from app.core.schemas import merged_update
from app.models import Listing, Quote, QuoteRevision, Rfq
from app.models.enums import ListingStatus, NotificationKind, QuoteStatus
from app.quotes import repository
from app.quotes.access import own_quote, refusal_of, rfq_for_quotes_list, visible_quote
from app.quotes.messages import tell_buyer
from app.quotes.review import status_for
from app.quotes.schemas import QuoteCreate, QuoteUpdate, json_value
from app.rfqs.service import get_rfq, locked_rfq
from membership.policy import Action, ensure_allowed

REVISABLE = tuple(field for field in QuoteCreate.model_fields if field != "listing_id")


def _quote_exists() -> AppError:
    return conflict("Your organization already has an active quote on this RFQ; revise or withdraw it",
                    code="quote_exists")


async def _lock_accepting(session: AsyncSession, rfq_id: int, counting: bool) -> Rfq:
    """The RFQ, locked, when it takes quotes; `counting` also checks its quote cap."""
    rfq = await locked_rfq(session, rfq_id)
    assert rfq is not None
    active = await repository.active_quote_count(session, rfq.id) if counting else None
    refusal = refusal_of(rfq, active)
    if refusal is not None:
        raise refusal
    return rfq


async def _ensure_own_listing(session: AsyncSession, organization_id: int, listing_id: int | None) -> None:
    if listing_id is None:
        return
    listing = await get_or_none(session, Listing, listing_id)
    if listing is None or listing.organization_id != organization_id or listing.status is not ListingStatus.PUBLISHED:
        raise validation_failed([FieldError("listing_id", "must be one of your published listings",
                                            "listing_not_yours")])


def _response_seconds(rfq: Rfq) -> int | None:
    return None if rfq.opened_at is None else max(0, int((utcnow() - rfq.opened_at).total_seconds()))


async def submit_quote(session: AsyncSession, viewer: Viewer | None, rfq_id: int, data: QuoteCreate) -> Quote:
    viewer = require_seller(viewer)
    rfq = await get_rfq(session, viewer, rfq_id)
    if viewer.belongs_to(rfq.organization_id):
        raise forbidden("Your organization cannot quote on its own RFQ", code="own_rfq")
    if await repository.active_quote_of(session, rfq.id, viewer.organization_id) is not None:
        raise _quote_exists()
    rfq = await _lock_accepting(session, rfq.id, counting=True)
    await _ensure_own_listing(session, viewer.organization_id, data.listing_id)
    await ensure_allowed(session, viewer.organization_id, Action.SUBMIT_QUOTE)
    quote = Quote(rfq_id=rfq.id, organization_id=viewer.organization_id, user_id=viewer.user_id,
                  status=status_for(data.message), response_seconds=_response_seconds(rfq), **data.model_dump())
    session.add(quote)
    try:
        await session.flush()
    except IntegrityError as exc:  # a concurrent request of the same supplier won the one active slot
        raise _quote_exists() from exc
    if quote.status is QuoteStatus.SUBMITTED:  # a held quote reaches the buyer once approved
        await tell_buyer(session, rfq, NotificationKind.QUOTE_RECEIVED, quote)
    return quote


async def revise_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int, data: QuoteUpdate) -> Quote:
    """Changes a submitted or held quote while its RFQ is open; the previous values of what changed are kept as a
    revision. A revision uses no quota; sending the same values again changes nothing. A changed message is
    checked for contact details again: it holds the quote for review, or releases a held one."""
    quote, rfq = await own_quote(session, viewer, quote_id)
    rfq = await _lock_accepting(session, rfq.id, counting=False)
    merged = merged_update(QuoteCreate, quote, data).model_dump()
    changed = [field for field in REVISABLE if merged[field] != getattr(quote, field)]
    if not changed:
        return quote
    quote.revision += 1
    session.add(QuoteRevision(quote_id=quote.id, revision=quote.revision, user_id=require_viewer(viewer).user_id,
                              previous={field: json_value(getattr(quote, field)) for field in changed}))
    for field in changed:
        setattr(quote, field, merged[field])
    was = quote.status
    if "message" in changed:
        quote.status = status_for(quote.message)
    quote.updated_at = utcnow()
    await session.flush()
    if quote.status is QuoteStatus.SUBMITTED:
        kind = NotificationKind.QUOTE_REVISED if was is QuoteStatus.SUBMITTED else NotificationKind.QUOTE_RECEIVED
        await tell_buyer(session, rfq, kind, quote)
    return quote


async def withdraw_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> Quote:
    quote, rfq = await own_quote(session, viewer, quote_id)
    was = quote.status
    quote.status = QuoteStatus.WITHDRAWN
    quote.withdrawn_at = utcnow()
    await session.flush()
    if was is QuoteStatus.SUBMITTED:  # the buyer never saw a held one
        await tell_buyer(session, rfq, NotificationKind.QUOTE_WITHDRAWN, quote)
    return quote


async def sent_quotes(session: AsyncSession, viewer: Viewer | None, status: QuoteStatus | None, page: int,
                      per_page: int) -> tuple[Page[Quote], dict[int, str]]:
    """The quotes the viewer's organisation sent (in one status, if given), latest changed first, and the title of
    each RFQ they answer (the supplier quoted on it, so it may always read its title)."""
    seller = require_seller(viewer)
    found = await paginate(session, repository.sent_by(seller.organization_id, status), page, per_page)
    rfqs = await by_id(session, Rfq, {quote.rfq_id for quote in found.items})
    return found, {rfq_id: rfq.title for rfq_id, rfq in rfqs.items()}


async def get_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> Quote:
    quote, _ = await visible_quote(session, viewer, quote_id)
    return quote


async def quote_revisions(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> Sequence[QuoteRevision]:
    quote, _ = await visible_quote(session, viewer, quote_id)
    return await repository.revisions_of(session, quote.id)


async def rfq_quotes(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Sequence[Quote]:
    """The quotes of the RFQ for its buyer (not those held or rejected by moderation), all of them for admins; a
    supplier's own quotes for a supplier."""
    rfq, sees_all = await rfq_for_quotes_list(session, viewer, rfq_id)
    if viewer is None or not sees_all:
        return await repository.quotes_on(session, rfq.id, None if viewer is None else viewer.organization_id)
    return await repository.quotes_on(session, rfq.id, for_buyer=not viewer.is_admin)
