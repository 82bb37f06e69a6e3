"""Explanations as people read them: reasons with their share of the match, nothing missing shown as a reason,
factors that add nothing or do not apply left out."""

import pytest

from matching.explain import explain
from matching.types import FactorExplanation


def test_reasons_are_shares_of_the_match_and_missing_things_are_never_reasons() -> None:
    found = explain([
        FactorExplanation("text", 0.6, "Its listing uses your words: ball, valve"),
        FactorExplanation("hs", 0.2, "Same HS code 8481.80"),
        FactorExplanation("model", 0.14, "No model or part number in common with your request", met=False),
        FactorExplanation("brand", -0.22, "Its listing names no brand", met=False),
        FactorExplanation("price", 0.05, "You gave no target price", met=False, applies=False),
        FactorExplanation("moq", 0.0, "Minimum order 1 pcs, within your 100 pcs"),
        FactorExplanation("tier", 0.0, "No plan boost", met=False),
    ])

    assert [(reason.text, reason.share) for reason in found.reasons] == [
        ("Its listing uses your words: ball, valve", pytest.approx(0.75)),
        ("Same HS code 8481.80", pytest.approx(0.25))]
    assert found.against == ["No model or part number in common with your request", "Its listing names no brand"]


def test_a_factor_that_takes_from_the_score_is_against_it_even_when_met() -> None:
    found = explain([FactorExplanation("text", 1.0, "Its listing uses your words: rice"),
                     FactorExplanation("price", -0.3, "Price 40% under your target")])

    assert [reason.share for reason in found.reasons] == [1.0]
    assert found.against == ["Price 40% under your target"]


def test_a_reason_too_small_to_show_as_a_percent_is_left_out() -> None:
    found = explain([FactorExplanation("text", 9.0, "Its listing uses your words: rice"),
                     FactorExplanation("hs", 1.0, "Same HS code 1006.30"),
                     FactorExplanation("destination", 0.02, "Exports to AE")])

    assert [(reason.factor, reason.share) for reason in found.reasons] == [("text", 0.9), ("hs", 0.1)]
    assert found.against == []
