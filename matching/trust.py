"""Supplier trust signals from SQL, for matching and the quote comparison: the buyers' ratings of a supplier's
quotes, how often it quotes on the RFQ leads it opens, how fast it answers, and whether it is verified.

Imports app.core and app.models only, like every engine."""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.models import LeadView, Organization, Quote, QuoteRating
from trust.verification import verified_clause

TWO_PLACES = Decimal("0.01")
PRIOR_SCORE, PRIOR_WEIGHT = Decimal(3), 2  # an unrated supplier counts as two middling (3 of 5) ratings


def _rounded(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TrustSignals:
    rating_avg: Decimal | None  # 1-5, two places; None without ratings
    rating_count: int
    response_rate: Decimal | None  # share (0-1, two places) of the RFQ leads it opened that it quoted on
    median_response_hours: Decimal | None  # RFQ opened -> its first quote, one place
    verified: bool

    @property
    def score(self) -> Decimal:
        """One number to sort by (higher is better): the rating average smoothed towards 3 by two prior ratings,
        plus 1 when verified, plus the response rate."""
        total = (self.rating_avg or 0) * self.rating_count + PRIOR_SCORE * PRIOR_WEIGHT
        smoothed = total / (self.rating_count + PRIOR_WEIGHT)
        return _rounded(smoothed + (1 if self.verified else 0) + (self.response_rate or 0))


async def _ratings(session: AsyncSession, ids: set[int]) -> dict[int, tuple[int, int]]:
    rows = await session.execute(select(QuoteRating.supplier_id, func.sum(QuoteRating.score), func.count())
                                 .where(QuoteRating.supplier_id.in_(ids)).group_by(QuoteRating.supplier_id))
    return {supplier: (int(total), int(count)) for supplier, total, count in rows}


async def _response_hours(session: AsyncSession, ids: set[int]) -> dict[int, Decimal]:
    """The median over RFQs of the supplier's first response on each."""
    rows = await session.execute(select(Quote.organization_id, func.min(Quote.response_seconds))
                                 .where(Quote.organization_id.in_(ids), Quote.response_seconds.is_not(None))
                                 .group_by(Quote.organization_id, Quote.rfq_id))
    seconds: dict[int, list[int]] = defaultdict(list)
    for organization_id, first in rows:
        if first is not None:
            seconds[organization_id].append(first)
    return {organization_id: _rounded(Decimal(median(values)) / 3600, Decimal("0.1"))
            for organization_id, values in seconds.items()}


async def _response_rates(session: AsyncSession, ids: set[int]) -> dict[int, Decimal]:
    quoted = and_(Quote.rfq_id == LeadView.rfq_id, Quote.organization_id == LeadView.organization_id)
    rows = await session.execute(
        select(LeadView.organization_id, func.count(distinct(LeadView.rfq_id)), func.count(distinct(Quote.rfq_id)))
        .outerjoin(Quote, quoted).where(LeadView.organization_id.in_(ids)).group_by(LeadView.organization_id)
    )
    return {organization_id: _rounded(Decimal(answered) / Decimal(opened))
            for organization_id, opened, answered in rows if opened}


async def response_signals(session: AsyncSession,
                           organization_ids: Collection[int]) -> dict[int, tuple[Decimal | None, Decimal | None]]:
    """(response rate, median response hours) of each organization, in two queries: what matching weighs
    (verification it reads from the organization row itself)."""
    ids = set(organization_ids)
    if not ids:
        return {}
    rates, hours = await _response_rates(session, ids), await _response_hours(session, ids)
    return {organization_id: (rates.get(organization_id), hours.get(organization_id)) for organization_id in ids}


async def supplier_trust(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, TrustSignals]:
    """The trust signals of each organization, in four queries whatever their number."""
    ids = set(organization_ids)
    if not ids:
        return {}
    ratings = await _ratings(session, ids)
    hours = await _response_hours(session, ids)
    rates = await _response_rates(session, ids)
    verified = set(await session.scalars(select(Organization.id).where(
        Organization.id.in_(ids), verified_clause(Organization.verified_until, today()))))
    signals = {}
    for organization_id in ids:
        total, count = ratings.get(organization_id, (0, 0))
        signals[organization_id] = TrustSignals(_rounded(Decimal(total) / count) if count else None, count,
                                                rates.get(organization_id), hours.get(organization_id),
                                                organization_id in verified)
    return signals
