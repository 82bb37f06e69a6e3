"""Bar charts as server-rendered SVG (no JavaScript): one pure function from a series [(label, value)] to markup.

Every text put into the SVG (labels come from data) is escaped before it becomes Markup; colours are presentation
attributes from the site's palette, since the pages' content security policy allows no inline style."""

from collections.abc import Callable, Sequence
from decimal import Decimal

from markupsafe import Markup, escape

Value = int | Decimal
Point = tuple[str, Value]

WIDTH, HEIGHT = 600, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 24
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
BAR_SHARE = 0.8  # of each column's width; the rest is the gap between bars
BRAND, MUTED, LINE = "#0b6e4f", "#616e7c", "#e4e7eb"
TEXT = f'font-size="11" fill="{MUTED}"'


def count_text(value: Value) -> str:
    return str(value)


def money_text(value: Value) -> str:
    return f"{Decimal(value):.2f}"


def summary(title: str, points: Sequence[Point], show: Callable[[Value], str] = count_text) -> str:
    """What the chart says in words: "New listings per day, last 30 days: 42 in all, most on 2026-11-30 (7)"."""
    total = sum((Decimal(value) for _, value in points), Decimal(0))
    text = f"{title}: {show(total)} in all"
    if total:
        label, value = max(points, key=lambda point: point[1])  # the first of equal maxima
        text += f", most on {label} ({show(value)})"
    return text


def _bar(index: int, count: int, label: str, value: Value, top: Value, show: Callable[[Value], str]) -> str:
    column = PLOT_WIDTH / count
    x = LEFT + index * column
    height = PLOT_HEIGHT * float(value) / float(top) if top else 0.0
    return (f"<g><title>{escape(label)}: {escape(show(value))}</title>"
            f'<rect x="{x:.2f}" y="{TOP}" width="{column:.2f}" height="{PLOT_HEIGHT}" fill-opacity="0"/>'
            f'<rect x="{x + column * (1 - BAR_SHARE) / 2:.2f}" y="{TOP + PLOT_HEIGHT - height:.2f}" '
            f'width="{column * BAR_SHARE:.2f}" height="{height:.2f}" fill="{BRAND}"/></g>')


def _axes(points: Sequence[Point], top: Value, show: Callable[[Value], str]) -> str:
    base = TOP + PLOT_HEIGHT
    first, last = escape(points[0][0]), escape(points[-1][0])
    return (f'<line x1="{LEFT}" y1="{TOP}" x2="{WIDTH - RIGHT}" y2="{TOP}" stroke="{LINE}"/>'
            f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="{MUTED}"/>'
            f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" {TEXT}>{escape(show(top))}</text>'
            f'<text x="{LEFT - 6}" y="{base}" text-anchor="end" {TEXT}>0</text>'
            f'<text x="{LEFT}" y="{HEIGHT - 6}" {TEXT}>{first}</text>'
            f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 6}" text-anchor="end" {TEXT}>{last}</text>')


def bar_chart(title: str, points: Sequence[Point], show: Callable[[Value], str] = count_text) -> Markup:
    """A bar chart of `points` in a fixed viewBox, bars scaled to the largest value (a series of zeros draws flat
    bars), the largest value on the y axis, the first and last labels under it, each bar's label and value in a
    <title> (shown on hover), and `summary` as its accessible name."""
    label = escape(summary(title, points, show))
    svg = (f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" '
           f'xmlns="http://www.w3.org/2000/svg">')
    if points:
        top = max(value for _, value in points)
        svg += _axes(points, top, show)
        svg += "".join(_bar(index, len(points), name, value, top, show) for index, (name, value) in enumerate(points))
    return Markup(svg + "</svg>")  # every text in it went through escape() above
