"""Scores one (RFQ, listing) pair: every factor assessed, hard constraints applied, the model's weighted score,
then the bounded tier boost; each factor explained with what it contributed."""

from matching.factors import FACTORS, Assessment, Pair
from matching.model import LinearModel
from matching.types import FactorExplanation, ListingMatch
from search.ranking import rank_multiplier


def _tier_line(boost: float, added: float) -> FactorExplanation:
    percent = rank_multiplier(boost) - 1.0
    text = f"plan boost +{percent:.0%}" if percent > 0 else "no plan boost"
    return FactorExplanation("tier", round(added, 4), text)


def assess(pair: Pair) -> dict[str, Assessment]:
    return {name: factor(pair) for name, factor in FACTORS.items()}


def violates(assessments: dict[str, Assessment], required: frozenset[str]) -> bool:
    return any(assessments[name].fails for name in required if name in assessments)


def score_pair(pair: Pair, model: LinearModel) -> ListingMatch | None:
    """None when the listing fails a constraint the buyer marked as required."""
    assessments = assess(pair)
    if violates(assessments, pair.rfq.required):
        return None
    contributions = model.contributions({name: found.value for name, found in assessments.items()})
    base = sum(contributions.values())
    total = base * rank_multiplier(pair.supplier.boost)
    factors = [FactorExplanation(name, round(contributions[name], 4), found.text)
               for name, found in assessments.items()]
    factors.append(_tier_line(pair.supplier.boost, total - base))
    return ListingMatch(pair.rfq.id, pair.listing.id, pair.listing.organization_id, round(total, 6), factors)
