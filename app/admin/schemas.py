"""Pydantic output of the admin dashboard."""

from datetime import date

from pydantic import BaseModel

from app.admin.service import Activity, Overview
from app.core.schemas import DecimalOut


class PointOut(BaseModel):
    label: str
    value: int


class MoneyPointOut(BaseModel):
    label: str
    value: DecimalOut


class ActivityOut(BaseModel):
    """Each series oldest first, one point per day ("2026-11-30") or month ("2026-11"), zeros included."""

    listings: list[PointOut]
    rfqs: list[PointOut]
    quotes: list[PointOut]
    matches: list[PointOut]
    signups: list[PointOut]
    revenue: dict[str, list[MoneyPointOut]]  # by currency: totals of the invoices paid then


class BacklogOut(BaseModel):
    listings: int
    rfqs: int
    quotes: int


class TotalsOut(BaseModel):
    published_listings: int
    open_rfqs: int
    organizations: int
    users: int


class StatsOut(BaseModel):
    today: date
    days: ActivityOut
    months: ActivityOut
    backlog: BacklogOut
    totals: TotalsOut


def activity_out(activity: Activity) -> ActivityOut:
    counts = {series.key: [PointOut(label=label, value=value) for label, value in series.points]
              for series in activity.counts}
    revenue = {series.currency: [MoneyPointOut(label=label, value=value) for label, value in series.points]
               for series in activity.revenue}
    return ActivityOut.model_validate({**counts, "revenue": revenue})


def stats_out(today: date, days: Activity, months: Activity, overview: Overview) -> StatsOut:
    return StatsOut(today=today, days=activity_out(days), months=activity_out(months),
                    backlog=BacklogOut(**overview.backlog), totals=TotalsOut(**overview.totals))
