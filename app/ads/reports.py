"""What advertisers and administrators read about ads: per day, campaign and keyword, impressions, clicks charged and
not, click-through rate, spend, average position and cost per click; a CSV of it; the platform's ad revenue."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.ads.impressions import PENDING
from app.ads.schemas import ReportDayOut, ReportOut, ReportRowOut
from app.auth.viewer import Viewer, require_admin, require_seller
from app.core import clock
from app.core.errors import FieldError, not_found, validation_failed
from app.core.i18n import N_
from membership.tiers import platform_currency

DEFAULT_DAYS = 30
MAX_DAYS = 400
CENT = Decimal("0.01")
PERIOD_BACKWARDS = N_("The period cannot end before it starts.")
PERIOD_TOO_LONG = N_("Ask for at most 400 days at a time.")


def period(since: date | None, until: date | None) -> tuple[date, date]:
    until = until or clock.today()
    since = since or until - timedelta(days=DEFAULT_DAYS - 1)
    if until < since:
        raise validation_failed([FieldError("until", PERIOD_BACKWARDS, "until_before_since")])
    if (until - since).days >= MAX_DAYS:
        raise validation_failed([FieldError("since", PERIOD_TOO_LONG, "period_too_long")])
    return since, until


def _row(stats: repository.KeywordDay) -> ReportRowOut:
    return ReportRowOut(
        day=stats.day, campaign_id=stats.campaign_id, keyword=stats.keyword, impressions=stats.impressions,
        clicks=stats.clicks, invalid_clicks=stats.invalid_clicks, spend=stats.spend,
        ctr=round(stats.clicks / stats.impressions, 4) if stats.impressions else None,
        average_position=round(stats.position_sum / stats.impressions, 2) if stats.impressions else None,
        average_cpc=(stats.spend / stats.clicks).quantize(CENT, ROUND_HALF_UP) if stats.clicks else None)


def _days(rows: Sequence[ReportRowOut], since: date, until: date) -> list[ReportDayOut]:
    days = {since + timedelta(days=n): ReportDayOut(day=since + timedelta(days=n), impressions=0, clicks=0,
                                                     invalid_clicks=0, spend=Decimal(0))
            for n in range((until - since).days + 1)}
    for row in rows:
        total = days[row.day]
        days[row.day] = ReportDayOut(day=row.day, impressions=total.impressions + row.impressions,
                                     clicks=total.clicks + row.clicks,
                                     invalid_clicks=total.invalid_clicks + row.invalid_clicks,
                                     spend=total.spend + row.spend)
    return list(days.values())


@dataclass(frozen=True)
class Report:
    out: ReportOut
    stats: list[repository.KeywordDay]


async def report(session: AsyncSession, viewer: Viewer | None, campaign_id: int | None, since: date | None,
                 until: date | None) -> Report:
    """The viewer's organisation's campaigns (or one of them) over a period (the last 30 days by default)."""
    viewer = require_seller(viewer)
    first, last = period(since, until)
    campaigns = await repository.campaigns_of(session, viewer.organization_id)
    chosen = [c.id for c in campaigns if campaign_id is None or c.id == campaign_id]
    if campaign_id is not None and not chosen:
        raise not_found("Campaign")
    if PENDING.counts:  # this process's latest impressions, so that the report is up to date
        await PENDING.flush(session)
    stats = await repository.keyword_days(session, chosen, first, last) if chosen else []
    rows = [_row(day) for day in stats]
    return Report(ReportOut(currency=await platform_currency(session), since=first, until=last, rows=rows,
                            days=_days(rows, first, last)), stats)


def keyword_totals(stats: Sequence[repository.KeywordDay]) -> list[ReportRowOut]:
    """The period's rows summed per campaign and keyword (most spend first), as one row each."""
    summed: dict[tuple[int, str], repository.KeywordDay] = {}
    for day in stats:
        before = summed.get((day.campaign_id, day.keyword))
        summed[(day.campaign_id, day.keyword)] = day if before is None else replace(
            before, impressions=before.impressions + day.impressions,
            position_sum=before.position_sum + day.position_sum, clicks=before.clicks + day.clicks,
            invalid_clicks=before.invalid_clicks + day.invalid_clicks, spend=before.spend + day.spend)
    return sorted((_row(total) for total in summed.values()), key=lambda row: (-row.spend, row.keyword))


CSV_COLUMNS = ("day", "campaign_id", "keyword", "impressions", "clicks", "invalid_clicks", "ctr", "spend",
               "average_position", "average_cpc")


def as_csv(found: ReportOut) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in found.rows:
        values = row.model_dump(mode="json")
        writer.writerow(["" if values[name] is None else values[name] for name in CSV_COLUMNS])
    return out.getvalue()


@dataclass(frozen=True)
class PlatformAds:
    currency: str
    days: list[repository.RevenueDay]
    months: list[tuple[str, Decimal]]
    invalid_share: float | None
    top_keywords: list[tuple[str, int, Decimal]]


async def platform_ads(session: AsyncSession, viewer: Viewer | None, days: int = DEFAULT_DAYS) -> PlatformAds:
    """Administrators: ad revenue per day (the last `days`) and per month (the last year), the share of clicks not
    charged, and the keywords that earned most."""
    require_admin(viewer)
    today = clock.today()
    year = await repository.revenue_days(session, today.replace(day=1) - timedelta(days=335))
    months: dict[str, Decimal] = {}
    for row in year:
        label = f"{row.day.year}-{row.day.month:02d}"
        months[label] = months.get(label, Decimal(0)) + row.revenue
    recent = [row for row in year if row.day > today - timedelta(days=days)]
    clicks = sum(row.clicks + row.invalid_clicks for row in recent)
    invalid = sum(row.invalid_clicks for row in recent)
    return PlatformAds(await platform_currency(session), recent, sorted(months.items(), reverse=True),
                       invalid / clicks if clicks else None,
                       await repository.top_keywords(session, today - timedelta(days=days - 1)))
