"""Scores the candidate pool of one RFQ: every factor assessed, hard constraints applied, the model's score, then
the bounded tier boost; only listings above the relevance floor (matching/floor.py) are ranked; explanations (one
line per factor, with its contribution) built for the listings shown."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matching.factors import FACTORS, Assessment, Pair
from matching.floor import fit
from matching.model import Evaluated, MatchingModel
from matching.signals import Candidate
from matching.types import FactorExplanation, ListingMatch
from matching.views import ListingView, RfqView, SupplierView
from search.ranking import rank_multiplier

Pool = list[tuple[Candidate, SupplierView]]


def _tier_line(boost: float, added: float) -> FactorExplanation:
    percent = rank_multiplier(boost) - 1.0
    if percent > 0:
        return FactorExplanation("tier", round(added, 4), f"Ranked {percent:.0%} higher for its paid plan")
    return FactorExplanation("tier", round(added, 4), "No plan boost", met=False)


def assess(pair: Pair) -> dict[str, Assessment]:
    return {name: factor(pair) for name, factor in FACTORS.items()}


def violates(assessments: dict[str, Assessment], required: frozenset[str]) -> bool:
    return any(assessments[name].fails for name in required if name in assessments)


def candidates(rfq: RfqView, listings: Sequence[tuple[ListingView, SupplierView, float]], today: date) -> Pool:
    """The listings, in search order with their relevance, that meet the constraints the buyer required."""
    kept = []
    for rank, (listing, supplier, relevance) in enumerate(listings):
        product = fit(rfq, listing)
        assessments = assess(Pair(rfq, listing, supplier, relevance, today, product))
        if not violates(assessments, rfq.required):
            kept.append((Candidate(listing, relevance, rank, assessments, product.matches), supplier))
    return kept


@dataclass(frozen=True)
class Ranked:
    """A scored pool: `order` lists the positions of the pool's matches (above the relevance floor) best first;
    `match` explains one of them."""

    rfq: RfqView
    pool: Pool
    evaluated: Evaluated
    totals: list[float]
    order: list[int]

    def organization_id(self, index: int) -> int:
        return self.pool[index][0].listing.organization_id

    def match(self, index: int) -> ListingMatch:
        candidate, supplier = self.pool[index]
        contributions = self.evaluated.explain(index)
        base, total = self.evaluated.scores[index], self.totals[index]
        factors = [FactorExplanation(name, round(contributions.get(name, 0.0), 4), found.text, found.found,
                                     found.applies)
                   for name, found in candidate.assessments.items()]
        factors.append(_tier_line(supplier.boost, total - max(base, 0.0)))
        return ListingMatch(self.rfq.id, candidate.listing.id, candidate.listing.organization_id, round(total, 6),
                            factors)


def rank_pool(rfq: RfqView, pool: Pool, model: MatchingModel) -> Ranked:
    evaluated = model.evaluate(rfq, [candidate for candidate, _ in pool])
    totals = [max(score, 0.0) * rank_multiplier(supplier.boost)
              for score, (_, supplier) in zip(evaluated.scores, pool, strict=True)]
    relevant = [index for index, (candidate, _) in enumerate(pool) if candidate.relevant]
    order = sorted(relevant, key=lambda index: (-totals[index], pool[index][0].listing.id))
    return Ranked(rfq, pool, evaluated, totals, order)
