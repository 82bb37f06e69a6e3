"""Pydantic input and output of quotes, their revisions, ratings and the award."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator
from pydantic_core import PydanticCustomError

from app.core.i18n import N_
from app.core.schemas import DecimalOut, Price, Quantity, plain_decimal, refuse_nulls
from app.core.validators import CurrencyCode
from app.models.enums import Incoterm, QuoteStatus, SampleOffer, Unit
from app.verifications.schemas import VerificationFacts

REQUIRED_ON_UPDATE = ("unit_price", "currency", "quantity", "unit", "sample_offer")
LeadTime = Field(default=None, ge=0, le=730)
HELD_NOTE = N_("Held for review: the message contains contact details (an e-mail address, phone number, web "
               "address or messenger id). The buyer sees the quote once an administrator approves it; you may revise "
               "the message meanwhile.")


class QuoteFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    incoterm: Incoterm | None = None
    lead_time_days: int | None = LeadTime
    valid_until: date | None = None
    sample_price: Price | None = None
    sample_days: int | None = Field(default=None, ge=0, le=365)
    message: str = Field(default="", max_length=5000)


class QuoteCreate(QuoteFields):
    """A whole quote: what is submitted, and what a revision must still be once merged."""

    unit_price: Price
    currency: CurrencyCode
    quantity: Quantity
    unit: Unit
    sample_offer: SampleOffer = SampleOffer.NONE
    listing_id: int | None = Field(default=None, ge=1, le=2_147_483_647)

    @model_validator(mode="after")
    def sample_terms_fit_the_offer(self) -> Any:
        if self.sample_offer is SampleOffer.PAID and self.sample_price is None:
            raise PydanticCustomError("sample_price_required", "a paid sample needs a sample price",
                                      {"field": "sample_price"})
        if self.sample_offer is not SampleOffer.PAID and self.sample_price is not None:
            raise PydanticCustomError("sample_price_not_allowed", "only a paid sample has a price",
                                      {"field": "sample_price"})
        if self.sample_offer is SampleOffer.NONE and self.sample_days is not None:
            raise PydanticCustomError("sample_days_not_allowed", "sample days need a sample offer",
                                      {"field": "sample_days"})
        return self


class QuoteUpdate(QuoteFields):
    """A revision: only the fields sent change; the listing link stays as submitted."""

    unit_price: Price | None = None
    currency: CurrencyCode | None = None
    quantity: Quantity | None = None
    unit: Unit | None = None
    sample_offer: SampleOffer | None = None

    @model_validator(mode="after")
    def required_fields_not_null(self) -> Any:
        refuse_nulls(self, REQUIRED_ON_UPDATE)
        return self


class QuoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    rfq_id: int
    organization_id: int
    user_id: int | None
    listing_id: int | None
    unit_price: DecimalOut
    currency: str
    quantity: DecimalOut
    unit: Unit
    incoterm: Incoterm | None
    lead_time_days: int | None
    valid_until: date | None
    sample_offer: SampleOffer
    sample_price: DecimalOut | None
    sample_days: int | None
    message: str
    status: QuoteStatus
    revision: int
    response_seconds: int | None
    withdrawn_at: datetime | None
    rejection_reason: str | None
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def review_note(self) -> str | None:
        """What the supplier is told about moderation of its quote."""
        if self.status is QuoteStatus.PENDING_REVIEW:
            return HELD_NOTE
        if self.status is QuoteStatus.REJECTED:
            return f"Rejected by moderation: {self.rejection_reason}"
        return None


class SentQuoteOut(QuoteOut):
    """A quote in its supplier's list of quotes sent, with the title of the RFQ it answers."""

    rfq_title: str


def sent_quote_out(quote: object, rfq_title: str) -> SentQuoteOut:
    fields = QuoteOut.model_validate(quote).model_dump(exclude={"review_note"})
    return SentQuoteOut.model_validate({**fields, "rfq_title": rfq_title})


class QuoteRevisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    revision: int
    previous: dict[str, Any]
    user_id: int | None
    created_at: datetime


class AwardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quote_id: int = Field(ge=1, le=2_147_483_647)


class RatingIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    score: int = Field(ge=1, le=5)
    comment: str = Field(default="", max_length=2000)


class RatingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    quote_id: int
    supplier_id: int
    score: int
    comment: str
    created_at: datetime


def json_value(value: Any) -> Any:
    """A stored value as JSON: decimals and dates as text, enums as their value."""
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    return getattr(value, "value", value)


class SupplierOut(BaseModel):
    id: int
    name: str
    country: str
    verified: bool = Field(description="Has at least one verification approved and not expired today")
    verifications: list[VerificationFacts] = Field(description="Its live verifications (checked by the platform)")
    tier_badge: str | None = Field(description="The badge of its paid membership plan: bought, not checked")


class IncotermOut(BaseModel):
    code: str
    main_freight_paid_by: str
    insurance_paid_by: str
    import_duties_paid_by: str
    risk_passes: str


class ComparisonRowOut(BaseModel):
    quote_id: int
    status: QuoteStatus
    supplier: SupplierOut
    unit_price: DecimalOut
    quote_currency: str
    quantity: DecimalOut
    unit: Unit
    rate: DecimalOut | None  # 1 quote currency = rate comparison currency; None when no rate is known
    rate_as_of: date | None  # the day of the stored rate(s) used; None for the identity or no rate
    unit_price_in_currency: DecimalOut | None
    total_in_currency: DecimalOut | None
    total_in_quote_currency: DecimalOut | None
    buyer_adds: list[str]  # what the buyer pays on top under the quote's Incoterm: freight, insurance
    landed_total: DecimalOut | None  # total_in_currency + the buyer's estimate of what buyer_adds names
    flags: list[str]  # no_rate, unit_differs, unit_converted, expired, no_incoterm
    group: str  # ComparisonGroupOut.key: rows are only ranked against rows of their group
    quantity_fit: str | None  # as_asked, less_than_asked, more_than_asked; None in a unit that does not convert
    message: str
    expired: bool
    incoterm: IncotermOut | None
    lead_time_days: int | None
    ready_by: date | None
    ready_by_valid_until: bool | None
    listing_moq: DecimalOut | None
    moq_fit: bool | None
    certifications_met: list[str]
    certifications_missing: list[str]
    sample_offer: SampleOffer
    valid_until: date | None
    response_hours: DecimalOut | None
    rating_avg: DecimalOut | None
    rating_count: int
    trust_score: DecimalOut
    rated: int | None  # the buyer's own rating of this quote


EstimateAmount = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=2)]


class LandedEstimateIn(BaseModel):
    """The buyer's own estimate, in the comparison currency, of the main freight and the insurance of the whole
    RFQ quantity to the destination; added to each quote whose Incoterm leaves that cost to the buyer."""

    model_config = ConfigDict(extra="forbid")

    freight: EstimateAmount | None = None
    insurance: EstimateAmount | None = None

    @property
    def given(self) -> bool:
        return self.freight is not None or self.insurance is not None


class ComparisonGroupOut(BaseModel):
    key: str  # sorted by total: compared, no_incoterm, no_rate:<currency>, unit_differs; otherwise all
    currency: str | None  # the currency of the group's totals; None when they have none
    reason: str  # why these rows are apart (or, for compared, what their totals are)
    quote_ids: list[int]


class ComparisonOut(BaseModel):
    rfq_id: int
    currency: str
    quantity: DecimalOut
    unit: Unit
    rates_as_of: date | None  # the oldest day of the stored rates used; None when no rate was needed or known
    rates_age_days: int | None  # days from rates_as_of to today
    sort: str
    rounding: str
    freight_estimate: DecimalOut | None
    insurance_estimate: DecimalOut | None
    groups: list[ComparisonGroupOut]
    rows: list[ComparisonRowOut]  # group by group, in the order of groups; each group sorted by `sort`
