"""A server-drawn chart of a report's days: spend as bars, charged clicks as a line, in SVG that a page embeds (no
script, no inline style: the content security policy allows it as it is)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.ads.schemas import ReportDayOut

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 16, 28


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    line: str
    """The clicks' polyline points."""
    ticks: list[tuple[float, date, str]]
    """(x, day, text-anchor) under the first, middle and last bars, anchored to stay inside the chart."""
    max_spend: Decimal
    max_clicks: int


def chart(days: list[ReportDayOut]) -> Chart | None:
    if not days:
        return None
    max_spend = max((day.spend for day in days), default=Decimal(0))
    max_clicks = max((day.clicks for day in days), default=0)
    inner_width, inner_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_width / len(days)
    bars, points = [], []
    for index, day in enumerate(days):
        height = float(day.spend / max_spend) * inner_height if max_spend else 0.0
        x = LEFT + index * step
        bars.append(Bar(round(x + step * 0.15, 1), round(TOP + inner_height - height, 1), round(step * 0.7, 1),
                        round(height, 1), f"{day.day.isoformat()}: {day.spend} · {day.clicks}"))
        click_y = TOP + inner_height - (day.clicks / max_clicks * inner_height if max_clicks else 0.0)
        points.append(f"{round(x + step / 2, 1)},{round(click_y, 1)}")
    chosen = sorted({0, len(days) // 2, len(days) - 1})
    anchors = {0: "start", len(days) - 1: "end"}
    ticks = [(round(LEFT + (index + (0 if index == 0 else 1 if index == len(days) - 1 else 0.5)) * step, 1),
              days[index].day, anchors.get(index, "middle")) for index in chosen]
    return Chart(WIDTH, HEIGHT, bars, " ".join(points), ticks, max_spend, max_clicks)
