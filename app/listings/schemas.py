"""Pydantic input and output of listings."""

from datetime import datetime
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_serializer, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.core.content_language import ORIGINAL_DEFAULT, ContentLanguage
from app.core.schemas import DecimalOut, Price, Quantity, plain_decimal, refuse_nulls
from app.core.validators import CountryCode, CurrencyCode, HsCodeText, Tags
from app.models import ListingImage
from app.models.enums import Incoterm, ListingStatus, Unit

SpecKey = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
SpecValue = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
REQUIRED_ON_UPDATE = ("title", "moq", "moq_unit")
MAX_PRICE_TIERS = 6


class PriceTier(BaseModel):
    """From `min_quantity` (in the listing's MOQ unit) up to the next tier, each unit costs `unit_price` (in the
    listing's currency)."""

    model_config = ConfigDict(extra="forbid")

    min_quantity: Quantity
    unit_price: Price


def _tiers_in_order(tiers: list[PriceTier]) -> list[PriceTier]:
    """The tiers by rising quantity; each quantity once, and a bigger order never costs more per unit."""
    tiers = sorted(tiers, key=lambda tier: tier.min_quantity)
    for smaller, bigger in pairwise(tiers):
        if smaller.min_quantity == bigger.min_quantity:
            raise PydanticCustomError("price_tiers_quantity", "each price tier needs a different minimum quantity")
        if bigger.unit_price > smaller.unit_price:
            raise PydanticCustomError("price_tiers_price", "a bigger quantity must not cost more per unit")
    return tiers


class ListingTranslation(BaseModel):
    """The listing's title and description in a further language, written by its supplier."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: str = Field(min_length=3, max_length=200)
    description: str = Field(default="", max_length=20000)


class ListingFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    description: str = Field(default="", max_length=20000)
    language: ContentLanguage = Field(default=ORIGINAL_DEFAULT,
                                      description="The language title and description are written in")
    translations: dict[ContentLanguage, ListingTranslation] = Field(
        default_factory=dict, description="Title and description in further languages, by language; pages show "
                                          "the viewer's language when given, else the original; search finds each")
    hs_code: HsCodeText | None = None
    keywords: Tags = Field(default_factory=list, max_length=30)
    specs: dict[SpecKey, SpecValue] = Field(default_factory=dict, max_length=50)
    price_min: Price | None = None
    price_max: Price | None = None
    currency: CurrencyCode | None = None
    price_tiers: list[PriceTier] = Field(
        default_factory=list, max_length=MAX_PRICE_TIERS,
        description="Unit prices by order quantity, in any order (returned by rising quantity); when there are any, "
                    "price_min and price_max are their lowest and highest unit price (derived when left out)")
    incoterm: Incoterm | None = None
    port_of_loading: str | None = Field(default=None, max_length=120)
    lead_time_days: int | None = Field(default=None, ge=0, le=730)
    supply_capacity_per_month: Quantity | None = None
    country_of_origin: CountryCode | None = None
    certifications: Tags = Field(default_factory=list, max_length=30)

    @field_validator("price_tiers", mode="after")
    @classmethod
    def tiers_in_order(cls, tiers: list[PriceTier]) -> list[PriceTier]:
        return _tiers_in_order(tiers)

    @field_serializer("price_tiers")
    def tiers_as_stored(self, tiers: list[PriceTier]) -> list[dict[str, str]]:
        """As the listing's JSON column holds them: decimals as plain strings."""
        return [{"min_quantity": plain_decimal(tier.min_quantity), "unit_price": plain_decimal(tier.unit_price)}
                for tier in tiers]


class ListingCreate(ListingFields):
    """A whole listing: what is created, and what a partial update must still be once merged."""

    title: str = Field(min_length=3, max_length=200)
    moq: Quantity
    moq_unit: Unit

    @model_validator(mode="after")
    def translations_into_other_languages(self) -> Any:
        if self.language in self.translations:
            raise PydanticCustomError("translation_language", "a translation must be into another language than the "
                                      "listing's own ({language})", {"field": "translations",
                                                                    "language": self.language})
        return self

    @model_validator(mode="after")
    def prices_make_sense(self) -> Any:
        if self.price_tiers:
            self._check_tiers()
        if self.price_min is not None and self.price_max is not None and self.price_min > self.price_max:
            raise PydanticCustomError("price_range", "price_min must not exceed price_max", {"field": "price_min"})
        has_price = self.price_min is not None or self.price_max is not None
        if has_price and self.currency is None:
            raise PydanticCustomError("currency_required", "a currency is required with a price", {"field": "currency"})
        return self

    def _check_tiers(self) -> None:
        """Tiers start at the MOQ or above, and make the price range: derived when left out, else the same."""
        if self.price_tiers[0].min_quantity < self.moq:
            raise PydanticCustomError("price_tiers_moq", "the first price tier must not start below the minimum "
                                      "order quantity", {"field": "price_tiers"})
        self.price_min = _tier_bound(self.price_min, self.price_tiers[-1].unit_price, "price_min")
        self.price_max = _tier_bound(self.price_max, self.price_tiers[0].unit_price, "price_max")


def _tier_bound(given: Decimal | None, tiers_bound: Decimal, field: str) -> Decimal:
    """One end of a tiered listing's price range: the tiers', unless a different one was given."""
    if given is not None and given != tiers_bound:
        raise PydanticCustomError("price_tiers_range", "{field} must be the {end} unit price of the price tiers",
                                  {"field": field, "end": "lowest" if field == "price_min" else "highest"})
    return tiers_bound


class ListingUpdate(ListingFields):
    """Partial update: only the fields sent change; the result is validated as a whole by the service."""

    title: str | None = Field(default=None, min_length=3, max_length=200)
    moq: Quantity | None = None
    moq_unit: Unit | None = None

    @model_validator(mode="after")
    def required_fields_not_null(self) -> Any:
        refuse_nulls(self, REQUIRED_ON_UPDATE)
        return self

    @model_validator(mode="after")
    def range_follows_new_tiers(self) -> Any:
        """New tiers sent without a price range: the range is theirs again, not the one kept from the old tiers."""
        if "price_tiers" in self.model_fields_set:
            for field in ("price_min", "price_max"):
                if field not in self.model_fields_set:
                    setattr(self, field, None)
        return self


class PriceTierOut(BaseModel):
    min_quantity: DecimalOut
    unit_price: DecimalOut


class ListingTranslationOut(BaseModel):
    title: str
    description: str


class ListingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    organization_id: int
    title: str
    description: str
    language: str
    translations: dict[str, ListingTranslationOut]
    hs_code: str | None
    keywords: list[str]
    specs: dict[str, str]
    moq: DecimalOut
    moq_unit: Unit
    price_min: DecimalOut | None
    price_max: DecimalOut | None
    currency: str | None
    price_tiers: list[PriceTierOut]
    incoterm: Incoterm | None
    port_of_loading: str | None
    lead_time_days: int | None
    supply_capacity_per_month: DecimalOut | None
    country_of_origin: str | None
    certifications: list[str]
    status: ListingStatus
    rejection_reason: str | None
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime


def image_url(image: ListingImage, variant: str) -> str:
    return f"/files/listings/{image.listing_id}/images/{image.id}/{variant}"


class ListingImageOut(BaseModel):
    id: int
    position: int
    width: int = Field(description="Of the display copy (at most 1600 px on its longest side)")
    height: int
    alt_text: str
    url: str = Field(description="The display copy (WebP)")
    thumbnail_url: str = Field(description="The thumbnail (WebP, at most 480 px on its longest side)")

    @classmethod
    def of(cls, image: ListingImage) -> "ListingImageOut":
        return cls(id=image.id, position=image.position, width=image.width, height=image.height,
                   alt_text=image.alt_text, url=image_url(image, "display"),
                   thumbnail_url=image_url(image, "thumbnail"))
