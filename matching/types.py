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
    """One line for people: "HS 8517.62 exact", "price 4% under target", "MOQ 500 ≤ 2,000 pcs"."""


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
