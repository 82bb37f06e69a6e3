"""The admin dashboard page: tiles of totals and the moderation backlog, then a bar chart (SVG, no script) per
series for the last 30 days or 12 months, each with its figures in a table beside it."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from app.admin import service
from app.admin.charts import Point, Value, bar_chart, count_text, money_text
from app.admin.repository import Period
from app.auth.viewer import require_admin
from app.http.deps import DbSession
from app.http.page_deps import SignedInUser
from app.http.templating import render

router = APIRouter()
SPANS: dict[Period, str] = {"day": "per day, last 30 days", "month": "per month, last 12 months"}


@dataclass(frozen=True)
class Chart:
    name: str  # of the series: "New listings", "Revenue (USD)"
    title: str
    svg: Markup
    rows: list[tuple[str, str]]  # (day or month, value as shown)


def chart(name: str, period: Period, points: Sequence[Point], show: Callable[[Value], str] = count_text) -> Chart:
    title = f"{name} {SPANS[period]}"
    return Chart(name, title, bar_chart(title, points, show), [(label, show(value)) for label, value in points])


def charts(activity: service.Activity) -> list[Chart]:
    counted = [chart(series.name, activity.period, series.points) for series in activity.counts]
    return counted + [chart(f"Revenue ({series.currency})", activity.period, series.points, money_text)
                      for series in activity.revenue]


@router.get("/admin", response_class=HTMLResponse)
async def dashboard(request: Request, session: DbSession, user: SignedInUser,
                    period: Annotated[Period, Query()] = "day") -> HTMLResponse:
    viewer = require_admin(user.viewer)
    activity = await service.activity(session, viewer, period)
    context: dict[str, Any] = {"overview": await service.overview(session, viewer), "period": period,
                               "charts": charts(activity), "paid": bool(activity.revenue)}
    return render(request, "admin/dashboard.html", context)
