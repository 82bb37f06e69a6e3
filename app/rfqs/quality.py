"""An RFQ's lead quality: gathers the facts trust.lead_quality scores (the buyer's account, organisation and
history, the RFQ's completeness, text and price) and stores the score, its version and reasons on the RFQ. Run when
the RFQ is submitted and again when it is approved, so the score suppliers see is the one of the RFQ they open."""

from datetime import timedelta
from decimal import Decimal
from statistics import median

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.core.contact_details import contact_details_in
from app.core.currency import to_usd
from app.models import Listing, Organization, Quote, Rfq, User
from app.models.enums import ListingStatus, RfqStatus
from app.rfqs.completeness import completeness
from membership.usage import LIVE_RFQ_STATUSES
from search.normalise import words
from trust.disposable import is_disposable
from trust.lead_quality import LeadQuality, LeadSignals, score_lead
from trust.verification import verified_today

NEAR_DUPLICATE = 0.8  # share of words two RFQs' texts have in common (Jaccard) from which they are the same request
DUPLICATE_WINDOW = timedelta(days=90)
COMPARED = 500  # at most this many other RFQs, or listing prices, are read for one score


def _words(rfq: Rfq) -> frozenset[str]:
    return frozenset(words(f"{rfq.title}\n{rfq.description}"))


async def _near_duplicate(session: AsyncSession, rfq: Rfq) -> bool:
    """Another buyer's live RFQ of the last 90 days says nearly the same (a copied or mass-posted request)."""
    mine = _words(rfq)
    others = await session.scalars(
        select(Rfq).where(Rfq.organization_id != rfq.organization_id, Rfq.status.in_(LIVE_RFQ_STATUSES),
                          Rfq.created_at >= utcnow() - DUPLICATE_WINDOW)
        .order_by(Rfq.id.desc()).limit(COMPARED))
    for other in others:
        theirs = _words(other)
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= NEAR_DUPLICATE:
            return True
    return False


async def _heading_median_usd(session: AsyncSession, hs_code: str | None) -> Decimal | None:
    """The median price (USD) of published listings in the RFQ's HS heading; None without any."""
    if not hs_code:
        return None
    rows = await session.execute(
        select(Listing.price_min, Listing.price_max, Listing.currency)
        .where(Listing.status == ListingStatus.PUBLISHED, Listing.hs_code.startswith(hs_code[:4]))
        .limit(COMPARED))
    prices = [usd for low, high, currency in rows
              if (usd := to_usd(low if low is not None else high, currency)) is not None]
    return Decimal(str(median(prices))) if prices else None


async def _history(session: AsyncSession, rfq: Rfq) -> tuple[int, int]:
    """(earlier RFQs of the buyer that ended in an award, earlier RFQs of the buyer that received a quote); an RFQ
    confirmed fake is no history to its credit."""
    earlier = (Rfq.organization_id == rfq.organization_id, Rfq.id != rfq.id, Rfq.fake_confirmed_at.is_(None))
    awards = await session.scalar(select(func.count()).select_from(Rfq).where(*earlier,
                                                                              Rfq.status == RfqStatus.AWARDED))
    quoted = await session.scalar(select(func.count(distinct(Quote.rfq_id))).join(Rfq, Rfq.id == Quote.rfq_id)
                                  .where(*earlier))
    return int(awards or 0), int(quoted or 0)


async def _confirmed_fakes(session: AsyncSession, organization_id: int) -> int:
    """The buyer's RFQs an admin confirmed fake (app.leads)."""
    return int(await session.scalar(select(func.count()).select_from(Rfq).where(
        Rfq.organization_id == organization_id, Rfq.fake_confirmed_at.is_not(None))) or 0)


async def lead_signals(session: AsyncSession, rfq: Rfq) -> LeadSignals:
    user = await session.get(User, rfq.user_id) if rfq.user_id is not None else None
    organization = await session.get_one(Organization, rfq.organization_id)
    awards, quoted = await _history(session, rfq)
    target = to_usd(rfq.target_unit_price, rfq.currency)
    return LeadSignals(
        email_confirmed=user is not None and user.email_verified_at is not None,
        account_age_days=(utcnow() - user.created_at).days if user is not None else 0,
        organization_verified=verified_today(organization.verified_until),
        completeness=completeness(rfq).score,
        target_price_usd=Decimal(str(target)) if target is not None else None,
        heading_median_price_usd=await _heading_median_usd(session, rfq.hs_code),
        awards_made=awards, earlier_rfqs_quoted=quoted,
        confirmed_fakes=await _confirmed_fakes(session, rfq.organization_id),
        near_duplicate=await _near_duplicate(session, rfq),
        disposable_email=user is not None and is_disposable(user.email),
        contact_details=tuple(contact_details_in(f"{rfq.title}\n{rfq.description}")),
    )


async def assess(session: AsyncSession, rfq: Rfq) -> LeadQuality:
    """Scores the RFQ now and keeps the score, its version and reasons on it."""
    quality = score_lead(await lead_signals(session, rfq))
    rfq.quality_score, rfq.quality_version = quality.score, quality.version
    rfq.quality_reasons = [{"code": reason.code, "points": reason.points, "text": reason.text}
                           for reason in quality.reasons]
    return quality


async def reassess_live_rfqs_of(session: AsyncSession, organization_id: int) -> None:
    """Scores the organisation's live RFQs again: a signal about the buyer changed (a confirmed fake, a
    verification)."""
    live = await session.scalars(select(Rfq).where(Rfq.organization_id == organization_id,
                                                   Rfq.status.in_(LIVE_RFQ_STATUSES)))
    for rfq in live.all():
        await assess(session, rfq)
