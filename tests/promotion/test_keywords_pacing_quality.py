"""Keyword match types, budget pacing and the click part of quality."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.models.enums import KeywordMatch
from promotion import keywords, pacing, quality
from promotion.quality import PositionStats

Q = ["stainless", "steel", "ball", "valve"]


@pytest.mark.parametrize(("keyword", "match", "expected"), [
    ("stainless steel ball valve", KeywordMatch.EXACT, True),
    ("ball valve", KeywordMatch.EXACT, False),
    ("ball valve", KeywordMatch.PHRASE, True),
    ("valve ball", KeywordMatch.PHRASE, False),
    ("steel valve", KeywordMatch.PHRASE, False),
    ("valve ball", KeywordMatch.BROAD, True),
    ("steel valve", KeywordMatch.BROAD, True),
    ("brass valve", KeywordMatch.BROAD, False),
])
def test_match_types(keyword: str, match: KeywordMatch, expected: bool) -> None:
    assert keywords.matches(keyword.split(), match, Q) is expected


def test_the_lookup_keys_find_every_keyword_that_can_match() -> None:
    assert {"ball valve", "stainless steel ball valve", "steel"} <= keywords.phrase_keys(Q)
    assert "valve ball" not in keywords.phrase_keys(Q)
    assert keywords.term_set(["valve", "ball"]) in keywords.broad_keys(Q)
    assert keywords.term_set(["steel", "valve"]) in keywords.broad_keys(Q)
    assert len(keywords.broad_keys(["w"] * 3 + [str(n) for n in range(20)])) == 2 ** keywords.MAX_QUERY_TERMS - 1


def test_pacing_spreads_a_budget_over_the_day() -> None:
    budget = Decimal("100")
    nine = datetime(2026, 12, 5, 9, tzinfo=UTC)
    assert pacing.serve_chance(budget, Decimal("0"), nine) == 1.0  # behind schedule: every auction
    assert pacing.serve_chance(budget, Decimal("37.5"), nine) == pytest.approx(1.0)  # on schedule
    assert pacing.serve_chance(budget, Decimal("90"), nine) == pytest.approx(0.1 / 0.625)  # far ahead: seldom
    assert pacing.serve_chance(budget, Decimal("100"), nine) == 0.0


def test_a_campaign_stops_when_one_more_click_cannot_be_paid() -> None:
    assert pacing.can_pay(Decimal("10"), Decimal("9"), Decimal("50"), Decimal("1.00"))
    assert not pacing.can_pay(Decimal("10"), Decimal("9.01"), Decimal("50"), Decimal("1.00"))  # budget
    assert not pacing.can_pay(Decimal("10"), Decimal("0"), Decimal("0.99"), Decimal("1.00"))  # balance


def test_click_factor_compares_clicks_with_what_the_positions_earn() -> None:
    everyone = {1: PositionStats(10_000, 500), 2: PositionStats(10_000, 200)}  # 5% at the top, 2% below
    ctrs = quality.position_ctrs(everyone)
    assert quality.click_factor({}, ctrs) == 1.0  # a new ad is average, not starved
    # Shown 1,000 times in position 2 (expected 20 clicks): 40 clicks is about twice the average.
    assert quality.click_factor({2: PositionStats(1000, 40)}, ctrs) == pytest.approx(45 / 25)
    # The same 40 clicks in position 1 (expected 50) is below average: position does not flatter.
    assert quality.click_factor({1: PositionStats(1000, 40)}, ctrs) < 1.0
    # One lucky click on a handful of impressions barely moves it.
    assert quality.click_factor({1: PositionStats(5, 1)}, ctrs) == pytest.approx(6 / 5.25)
