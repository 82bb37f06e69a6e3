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


class BuyerOut(BaseModel):
    """Only for suppliers whose plan shows buyers' contact details."""

    organization_name: str
    name: str | None
    email: str | None


class LeadOut(BaseModel):
    rfq_id: int
    title: str
    quantity: str
    unit: str
    destination_country: str | None
    buyer_country: str
    buyer: BuyerOut | None
    listing: MatchedListingOut
    score: float
    factors: list[FactorOut]


class LeadsOut(BaseModel):
    items: list[LeadOut]
    page: int
    per_page: int
    total: int
    daily_limit: int | None
    """Leads the plan shows a day (None = unlimited); leads already shown today do not count again."""
    remaining_today: int | None
    limit_reached: bool
    upgrade_url: str | None = None


class HsSuggestionOut(BaseModel):
    code: str
    label: str
    description: str
    heading_description: str
    score: float


class HsSuggestionsOut(BaseModel):
    items: list[HsSuggestionOut]
