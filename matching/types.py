"""What matching returns: ranked suppliers for an RFQ, ranked RFQs (leads) for a supplier, each with one
explanation line per factor and that factor's contribution to the score."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FactorExplanation:
    factor: str
    """The factor's stable name: text, model, brand, hs, price, moq, lead_time, certifications, destination,
    trust, tier."""
    contribution: float
    """What this factor added to the score (0.0 when it does not apply)."""
    text: str
    """One line as a buyer would say it: "Same HS code 8517.62", "Price 4% under your target"."""
    met: bool = True
    """The listing has what this factor looks for (False: it is missing or does not match, whatever the model made
    of that), so an explanation never presents something missing as a reason for the match."""
    applies: bool = True
    """False when the request asks nothing of this factor (no target price, no destination): explanations leave
    it out."""


@dataclass(frozen=True)
class ListingMatch:
    """One candidate listing scored against one RFQ."""

    rfq_id: int
    listing_id: int
    organization_id: int
    score: float
    factors: list[FactorExplanation]


@dataclass(frozen=True)
class SupplierMatch:
    organization_id: int
    best_listing_id: int
    score: float
    factors: list[FactorExplanation]


@dataclass(frozen=True)
class LeadMatch:
    rfq_id: int
    best_listing_id: int
    score: float
    factors: list[FactorExplanation]
