"""Explanations people can read: the reasons a listing matches, each as its share of the match, and what counts
against it or is missing, without the model's units. Factors whose contribution rounds to zero, and those the
request asks nothing of (no target price given), are left out."""

from collections.abc import Sequence
from dataclasses import dataclass

from matching.types import FactorExplanation

NEGLIGIBLE = 0.005
"""A contribution smaller than this (in the model's units) is shown as nothing: the factor is left out."""
MIN_SHARE = 0.005
"""A reason smaller than this share of the match is left out too."""


@dataclass(frozen=True)
class Reason:
    factor: str
    text: str
    share: float
    """Its part of what the reasons add up to, 0-1: the reasons of one match add up to 1."""


@dataclass(frozen=True)
class Explanation:
    reasons: list[Reason]
    """Why it matches: factors met that added to the score, largest share first."""
    against: list[str]
    """What is missing or counts against it (factors that took from the score or found nothing to match)."""


def explain(factors: Sequence[FactorExplanation]) -> Explanation:
    shown = [factor for factor in factors if factor.applies and abs(factor.contribution) >= NEGLIGIBLE]
    helping = [factor for factor in shown if factor.met and factor.contribution > 0]
    total = sum(factor.contribution for factor in helping)
    # A reason under half a percent of the match reads as "0%": left out like a zero factor.
    helping = [factor for factor in helping if factor.contribution >= MIN_SHARE * total]
    total = sum(factor.contribution for factor in helping)
    reasons = sorted((Reason(factor.factor, factor.text, factor.contribution / total) for factor in helping),
                     key=lambda reason: -reason.share)
    against = [factor.text for factor in shown if not (factor.met and factor.contribution > 0)]
    return Explanation(reasons, against)
