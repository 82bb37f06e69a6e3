"""The SVG bar chart on its own: scaled bars, titles for hover, a summary as its accessible name, escaped text."""

import re
from decimal import Decimal

from app.admin.charts import bar_chart, money_text, summary


def heights(svg: str) -> list[float]:
    return [float(height) for height in re.findall(r'height="([\d.]+)" fill="#0b6e4f"', svg)]


def test_bars_are_scaled_to_the_largest_value() -> None:
    svg = bar_chart("New listings per day", [("2026-11-29", 2), ("2026-11-30", 4)])

    assert svg.startswith('<svg class="chart" viewBox="0 0 600 200" role="img" aria-label="New listings per day: '
                          '6 in all, most on 2026-11-30 (4)"')
    assert heights(svg) == [82.0, 164.0]
    assert "<title>2026-11-29: 2</title>" in svg and "<title>2026-11-30: 4</title>" in svg
    assert '>4</text>' in svg  # the y axis' maximum
    assert ">2026-11-29</text>" in svg and ">2026-11-30</text>" in svg  # the first and last labels


def test_the_first_of_equal_maxima_is_named() -> None:
    assert summary("RFQs", [("a", 3), ("b", 3)]) == "RFQs: 6 in all, most on a (3)"


def test_a_series_of_zeros_draws_flat_bars() -> None:
    svg = bar_chart("Sign-ups per day", [("2026-11-29", 0), ("2026-11-30", 0)])

    assert 'aria-label="Sign-ups per day: 0 in all"' in svg
    assert heights(svg) == [0.0, 0.0]


def test_an_empty_series_draws_an_empty_chart() -> None:
    assert bar_chart("Nothing", []).endswith('aria-label="Nothing: 0 in all" xmlns="http://www.w3.org/2000/svg"></svg>')


def test_text_from_data_is_escaped() -> None:
    svg = bar_chart('Quotes "held"', [("<script>alert(1)</script>", 1)])

    assert "<script>" not in svg
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;: 1</title>" in svg
    assert 'aria-label="Quotes &#34;held&#34;: 1 in all, most on &lt;script&gt;' in svg


def test_money_has_two_decimals() -> None:
    svg = bar_chart("Revenue (USD)", [("2026-10", Decimal("100.5")), ("2026-11", Decimal(20))], money_text)

    assert 'aria-label="Revenue (USD): 120.50 in all, most on 2026-10 (100.50)"' in svg
    assert "<title>2026-11: 20.00</title>" in svg and ">100.50</text>" in svg
