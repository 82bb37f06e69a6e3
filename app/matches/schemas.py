"""API output of matches, leads and HS suggestions."""

from pydantic import BaseModel


class FactorOut(BaseModel):
    factor: str
    contribution: float
    text: str


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
    factors: list[FactorOut]


class MatchesOut(BaseModel):
    rfq_id: int
    items: list[SupplierMatchOut]


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
