"""Pydantic input and output of RFQs (requests for quotation)."""

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator
from pydantic_core import PydanticCustomError

from app.core.schemas import DecimalOut, Price, Quantity, refuse_nulls
from app.core.validators import CountryCode, CurrencyCode, HsCodeText, Tags
from app.models.enums import Incoterm, RfqStatus, Unit
from app.models.rfq import DEFAULT_MAX_QUOTES, Rfq
from app.rfqs.completeness import completeness
from matching.factors import HARD_CONSTRAINTS, HardConstraint

REQUIRED_ON_UPDATE = ("title", "quantity", "unit", "valid_until", "max_quotes")
MAX_QUOTES_LIMIT = 50


class RfqFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    description: str = Field(default="", max_length=20000)
    hs_code: HsCodeText | None = None
    target_unit_price: Price | None = None
    currency: CurrencyCode | None = None
    incoterm: Incoterm | None = None
    destination_country: CountryCode | None = None
    destination_port: str | None = Field(default=None, max_length=120)
    required_certifications: Tags = Field(default_factory=list, max_length=20)
    required_constraints: list[HardConstraint] = Field(default_factory=list, max_length=len(HARD_CONSTRAINTS))


class RfqCreate(RfqFields):
    """A whole RFQ: what is created, and what a partial update must still be once merged."""

    title: str = Field(min_length=3, max_length=200)
    quantity: Quantity
    unit: Unit
    valid_until: date
    max_quotes: int = Field(default=DEFAULT_MAX_QUOTES, ge=1, le=MAX_QUOTES_LIMIT)

    @model_validator(mode="after")
    def price_has_currency(self) -> Any:
        if self.target_unit_price is not None and self.currency is None:
            raise PydanticCustomError("currency_required", "a currency is required with a target price",
                                     {"field": "currency"})
        return self


class RfqUpdate(RfqFields):
    title: str | None = Field(default=None, min_length=3, max_length=200)
    quantity: Quantity | None = None
    unit: Unit | None = None
    valid_until: date | None = None
    max_quotes: int | None = Field(default=None, ge=1, le=MAX_QUOTES_LIMIT)

    @model_validator(mode="after")
    def required_fields_not_null(self) -> Any:
        refuse_nulls(self, REQUIRED_ON_UPDATE)
        return self


class RfqOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    # The buyer's organisation and author: None where the viewer may not know who the buyer is (app.rfqs.contact).
    organization_id: int | None
    user_id: int | None
    title: str
    description: str
    # False: `description` is an excerpt (lists, and viewers who have not opened the RFQ as a lead).
    full_text: bool = True
    hs_code: str | None
    quantity: DecimalOut
    unit: Unit
    target_unit_price: DecimalOut | None
    currency: str | None
    incoterm: Incoterm | None
    destination_country: str | None
    destination_port: str | None
    required_certifications: list[str]
    required_constraints: list[str]
    valid_until: date
    status: RfqStatus
    rejection_reason: str | None
    max_quotes: int
    opened_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Set for suppliers whose plan shows buyers' contact details, on the RFQ's details (app.rfqs.contact).
    buyer_contact: "BuyerContactOut | None" = None
    # How likely a real lead (trust.lead_quality), for suppliers and admins; None for the buyer and anyone else.
    quality: "LeadQualityOut | None" = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def completeness(self) -> "CompletenessOut":
        score = completeness(self)
        return CompletenessOut(score=score.score, missing=[MissingOut(field=fact.field, label=fact.label,
                                                                      points=fact.points) for fact in score.missing])


class QualityReasonOut(BaseModel):
    code: str
    points: int
    text: str


class LeadQualityOut(BaseModel):
    score: int = Field(ge=0, le=100)
    version: int
    reasons: list[QualityReasonOut]


def lead_quality_out(rfq: Rfq) -> LeadQualityOut | None:
    """The stored score (None before the RFQ was first submitted)."""
    if rfq.quality_score is None or rfq.quality_version is None:
        return None
    return LeadQualityOut(score=rfq.quality_score, version=rfq.quality_version,
                          reasons=[QualityReasonOut.model_validate(reason) for reason in rfq.quality_reasons])


class MissingOut(BaseModel):
    field: str
    label: str
    points: int


class CompletenessOut(BaseModel):
    score: int
    missing: list[MissingOut]


class BuyerContactOut(BaseModel):
    name: str | None
    email: str | None
    organization_name: str
    website: str | None
    city: str | None
    country: str


RfqOut.model_rebuild()


class RfqAttachmentOut(BaseModel):
    id: int
    file_name: str
    content_type: str = Field(description="application/pdf, image/jpeg, image/png or image/webp")
    size: int = Field(description="Bytes")
    created_at: datetime
    url: str = Field(description="Where the file is downloaded (for whoever may read the whole RFQ)")
