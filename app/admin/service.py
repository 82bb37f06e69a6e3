"""The admin dashboard's figures: activity per UTC day (last 30 days, today included) or month (last 12), with
the days and months without activity as zeros; revenue per currency; the moderation backlog and totals now."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.admin import repository
from app.admin.repository import Period
from app.auth.viewer import Viewer, require_admin
from app.core.clock import day_start, today
from app.models import AlertDelivery, Listing, Organization, Quote, Rfq, User
from app.models.enums import ListingStatus, QuoteStatus, RfqStatus
from membership.money import round_money

DAYS, MONTHS = 30, 12
# What is counted per period: key, name on the page, the moment that counts. Matches are the match alerts delivered
# (an organisation told of a matching RFQ, listing or saved search: one durable row per organisation and event).
COUNTED: tuple[tuple[str, str, Any], ...] = (
    ("listings", "New listings", Listing.created_at),
    ("rfqs", "New RFQs", Rfq.created_at),
    ("quotes", "Quotes submitted", Quote.created_at),
    ("matches", "Match alerts", AlertDelivery.created_at),
    ("signups", "Sign-ups", User.created_at),
)


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    points: list[tuple[str, int]]


@dataclass(frozen=True)
class MoneySeries:
    currency: str
    points: list[tuple[str, Decimal]]


@dataclass(frozen=True)
class Activity:
    period: Period
    counts: list[Series]
    revenue: list[MoneySeries]  # one per currency paid in, by currency code


@dataclass(frozen=True)
class Overview:
    backlog: dict[str, int]  # listings, rfqs, quotes waiting for review
    totals: dict[str, int]  # published listings, open RFQs, organisations, users


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def labels(period: Period, now: date) -> list[str]:
    """The days ("2026-11-30") or months ("2026-11") shown, oldest first, ending with `now`'s."""
    if period == "day":
        return [(now - timedelta(days=back)).isoformat() for back in range(DAYS - 1, -1, -1)]
    return [_months_back(now, back).isoformat()[:7] for back in range(MONTHS - 1, -1, -1)]


def first_moment(period: Period, now: date) -> datetime:
    return day_start(now - timedelta(days=DAYS - 1) if period == "day" else _months_back(now, MONTHS - 1))


async def activity(session: AsyncSession, viewer: Viewer | None, period: Period) -> Activity:
    require_admin(viewer)
    now = today()
    shown, since = labels(period, now), first_moment(period, now)
    counts = [Series(key, name, _filled(await repository.counts_by(session, column, period, since), shown))
              for key, name, column in COUNTED]
    revenue = await repository.revenue_by(session, period, since)
    return Activity(period, counts, [_money_series(currency, revenue[currency], shown) for currency in sorted(revenue)])


def _filled(found: dict[str, int], shown: list[str]) -> list[tuple[str, int]]:
    return [(label, found.get(label, 0)) for label in shown]


def _money_series(currency: str, found: dict[str, Decimal], shown: list[str]) -> MoneySeries:
    zero = Decimal(0)
    return MoneySeries(currency, [(label, round_money(found.get(label, zero), currency)) for label in shown])


async def overview(session: AsyncSession, viewer: Viewer | None) -> Overview:
    require_admin(viewer)
    backlog = {"listings": await repository.count(session, Listing, Listing.status == ListingStatus.PENDING_REVIEW),
               "rfqs": await repository.count(session, Rfq, Rfq.status == RfqStatus.PENDING_REVIEW),
               "quotes": await repository.count(session, Quote, Quote.status == QuoteStatus.PENDING_REVIEW)}
    totals = {"published_listings": await repository.count(session, Listing,
                                                           Listing.status == ListingStatus.PUBLISHED),
              "open_rfqs": await repository.count(session, Rfq, Rfq.status == RfqStatus.OPEN),
              "organizations": await repository.count(session, Organization),
              "users": await repository.count(session, User)}
    return Overview(backlog, totals)
