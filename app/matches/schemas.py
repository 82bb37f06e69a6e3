"""API output of matches, leads and HS suggestions."""

from pydantic import BaseModel

from app.rfqs.schemas import LeadQualityOut


class FactorOut(BaseModel):
    factor: str
    contribution: float
    """In the matching model's units (see `score`)."""
    text: str
    met: bool
    """The listing has what this factor looks for; false when it is missing or does not match."""


class ReasonOut(BaseModel):
    factor: str
    text: str
    share: float
    """Its part of the match, 0-1; the reasons of one match add up to 1."""


class ExplanationOut(BaseModel):
    """The factors as people read them: why it matches (with shares) and what is missing or counts against it;
    factors that add nothing are left out."""

    reasons: list[ReasonOut]
    against: list[str]


class MatchedListingOut(BaseModel):
    id: int
    title: str


class SupplierOut(BaseModel):
    id: int
    slug: str
    name: str
    country: str
    verified: bool


class SupplierMatchOut(BaseModel):
    supplier: SupplierOut
    listing: MatchedListingOut
    score: float
    """Ranks the suppliers of this RFQ (higher first); in the model's units, not a percentage and not comparable
    across RFQs."""
    factors: list[FactorOut]
    explanation: ExplanationOut


class MatchesOut(BaseModel):
    rfq_id: int
    items: list[SupplierMatchOut]
    more: bool = False
    """More suppliers match than listed; false: no further supplier matches (the rest fall below the relevance
    floor)."""


class LeadOut(BaseModel):
    """A lead as the feed lists it: who the buyer is and the whole request are on the RFQ's details (opening
    them counts against the plan's daily leads)."""

    rfq_id: int
    title: str
    excerpt: str
    quantity: str
    unit: str
    destination_country: str | None
    buyer_country: str
    opened_today: bool
    """Opened today already: opening it again does not count."""
    listing: MatchedListingOut
    score: float
    factors: list[FactorOut]
    explanation: ExplanationOut
    quality: LeadQualityOut | None
    """How likely a real lead, 0-100 with its reasons (trust.lead_quality); None before its first review."""
    quoted: bool
    """The supplier has quoted on it already."""


class LeadsOut(BaseModel):
    items: list[LeadOut]
    page: int
    per_page: int
    total: int
    daily_limit: int | None
    """Leads the plan lets the supplier open a day (None = unlimited); a lead opened again the same day does not
    count again."""
    remaining_today: int | None
    limit_reached: bool
    """Today's leads are all opened: leads not opened today show only what this list shows."""
    upgrade_url: str | None = None


class HsSuggestionOut(BaseModel):
    code: str
    label: str
    description: str
    heading_description: str
    score: float


class HsSuggestionsOut(BaseModel):
    items: list[HsSuggestionOut]
