"""Queries of quotes, their revisions and ratings."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Quote, QuoteRating, QuoteRevision
from app.models.enums import (
    ACTIVE_QUOTE_STATUSES,
    HIDDEN_FROM_BUYER_QUOTE_STATUSES,
    UNDECIDED_QUOTE_STATUSES,
    QuoteStatus,
)


async def active_quote_count(session: AsyncSession, rfq_id: int) -> int:
    statement = select(func.count()).select_from(Quote).where(Quote.rfq_id == rfq_id,
                                                               Quote.status.in_(ACTIVE_QUOTE_STATUSES))
    return int(await session.scalar(statement) or 0)


async def active_quote_of(session: AsyncSession, rfq_id: int, organization_id: int) -> Quote | None:
    return await session.scalar(select(Quote).where(Quote.rfq_id == rfq_id, Quote.organization_id == organization_id,
                                                    Quote.status.in_(ACTIVE_QUOTE_STATUSES)))


async def quotes_on(session: AsyncSession, rfq_id: int, organization_id: int | None = None,
                    active_only: bool = False, for_buyer: bool = False) -> Sequence[Quote]:
    """The quotes of an RFQ (of one supplier when `organization_id` is given; without those held or rejected by
    moderation when `for_buyer`), oldest first."""
    statement = select(Quote).where(Quote.rfq_id == rfq_id).order_by(Quote.id)
    if organization_id is not None:
        statement = statement.where(Quote.organization_id == organization_id)
    if active_only:
        statement = statement.where(Quote.status.in_(ACTIVE_QUOTE_STATUSES))
    if for_buyer:
        statement = statement.where(Quote.status.not_in(HIDDEN_FROM_BUYER_QUOTE_STATUSES))
    return (await session.scalars(statement)).all()


def sent_by(organization_id: int, status: QuoteStatus | None) -> Select[Any]:
    """An organisation's quotes (in one status, if given), the latest changed first."""
    statement = select(Quote).where(Quote.organization_id == organization_id)
    if status is not None:
        statement = statement.where(Quote.status == status)
    return statement.order_by(Quote.updated_at.desc(), Quote.id.desc())


async def revisions_of(session: AsyncSession, quote_id: int) -> Sequence[QuoteRevision]:
    return (await session.scalars(select(QuoteRevision).where(QuoteRevision.quote_id == quote_id)
                                  .order_by(QuoteRevision.revision))).all()


async def rating_of(session: AsyncSession, quote_id: int) -> QuoteRating | None:
    return await session.scalar(select(QuoteRating).where(QuoteRating.quote_id == quote_id))


async def ratings_on(session: AsyncSession, quote_ids: Sequence[int]) -> dict[int, int]:
    """quote id -> score, for the rated ones among `quote_ids`."""
    if not quote_ids:
        return {}
    rows = await session.execute(select(QuoteRating.quote_id, QuoteRating.score)
                                 .where(QuoteRating.quote_id.in_(quote_ids)))
    return dict(rows.all())


async def undecided_quotes(session: AsyncSession, rfq_id: int) -> Sequence[Quote]:
    undecided = select(Quote).where(Quote.rfq_id == rfq_id, Quote.status.in_(UNDECIDED_QUOTE_STATUSES))
    return (await session.scalars(undecided.order_by(Quote.id))).all()


async def reload_quote(session: AsyncSession, quote: Quote) -> None:
    """The quote's columns read again from the database (once its RFQ is locked, a decision sees the latest)."""
    await session.refresh(quote)


async def fresh_quote(session: AsyncSession, quote_id: int) -> Quote | None:
    """The quote as stored now (the session's copy refreshed), for a decision taken under the RFQ's row lock."""
    return await session.get(Quote, quote_id, populate_existing=True)


async def rfqs_quoted_by(session: AsyncSession, organization_id: int, rfq_ids: Sequence[int]) -> set[int]:
    """Which of these RFQs the organization has sent a quote on (in any status)."""
    if not rfq_ids:
        return set()
    return set(await session.scalars(select(Quote.rfq_id).where(Quote.organization_id == organization_id,
                                                                 Quote.rfq_id.in_(rfq_ids))))
