"""Scores the candidate pool of one RFQ: every factor assessed, hard constraints applied, the model's score, then
the bounded tier boost; each factor explained with what it contributed."""

from collections.abc import Sequence
from datetime import date

from matching.factors import FACTORS, Assessment, Pair
from matching.model import MatchingModel
from matching.signals import Candidate
from matching.types import FactorExplanation, ListingMatch
from matching.views import ListingView, RfqView, SupplierView
from search.ranking import rank_multiplier


def _tier_line(boost: float, added: float) -> FactorExplanation:
    percent = rank_multiplier(boost) - 1.0
    text = f"plan boost +{percent:.0%}" if percent > 0 else "no plan boost"
    return FactorExplanation("tier", round(added, 4), text)


def assess(pair: Pair) -> dict[str, Assessment]:
    return {name: factor(pair) for name, factor in FACTORS.items()}


def violates(assessments: dict[str, Assessment], required: frozenset[str]) -> bool:
    return any(assessments[name].fails for name in required if name in assessments)


def candidates(rfq: RfqView, listings: Sequence[tuple[ListingView, SupplierView, float]],
               today: date) -> list[tuple[Candidate, SupplierView]]:
    """The listings, in search order with their relevance, that meet the constraints the buyer required."""
    kept = []
    for rank, (listing, supplier, relevance) in enumerate(listings):
        assessments = assess(Pair(rfq, listing, supplier, relevance, today))
        if not violates(assessments, rfq.required):
            kept.append((Candidate(listing, relevance, rank, assessments), supplier))
    return kept


def score_pool(rfq: RfqView, pool: Sequence[tuple[Candidate, SupplierView]],
               model: MatchingModel) -> list[ListingMatch]:
    matches = []
    scored = model.score(rfq, [candidate for candidate, _ in pool])
    for (candidate, supplier), (baseline, contributions) in zip(pool, scored, strict=True):
        base = max(baseline + sum(contributions.values()), 0.0)
        total = base * rank_multiplier(supplier.boost)
        factors = [FactorExplanation(name, round(contributions.get(name, 0.0), 4), found.text)
                   for name, found in candidate.assessments.items()]
        factors.append(_tier_line(supplier.boost, total - base))
        matches.append(ListingMatch(rfq.id, candidate.listing.id, candidate.listing.organization_id,
                                    round(total, 6), factors))
    return matches
