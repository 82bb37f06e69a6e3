"""Search parameters, validated (bad ones are 422s, never engine errors) and turned into engine filters."""

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from app.core.currency import supported, to_usd
from app.core.validators import CountryCode, CurrencyCode
from search.types import DocType, Filters, Range, Sort

Chapter = Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
Heading = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]
Subheading = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Amount = Annotated[float, Field(ge=0, le=1e12)]
MAX_VALUES = 20
# Room for a whole request (an RFQ's title and description pasted as one query), as `eval search` sends.
QUERY_MAX_LENGTH = 1000


def _values(max_length: int = MAX_VALUES) -> Any:
    return Field(default_factory=list, max_length=max_length)


class SearchParams(BaseModel):
    model_config = ConfigDict(extra="ignore")
    doc_type: ClassVar[DocType] = DocType.LISTINGS
    term_fields: ClassVar[tuple[str, ...]] = ()

    q: str = Field(default="", max_length=QUERY_MAX_LENGTH)
    per_page: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=500)

    def filters(self) -> Filters:
        terms = {name: tuple(getattr(self, name)) for name in self.term_fields if getattr(self, name)}
        verified = getattr(self, "verified", None)
        if verified is not None:
            terms["verified"] = ("true" if verified else "false",)
        return Filters(terms=terms, ranges=self.ranges())

    def ranges(self) -> dict[str, Range]:
        return {}

    @property
    def sort_order(self) -> Sort:
        return Sort(getattr(self, "sort", Sort.RELEVANCE))

    @property
    def collapse(self) -> bool:
        return bool(getattr(self, "one_per_supplier", False))


class PricedParams(SearchParams):
    price_min: Amount | None = None
    price_max: Amount | None = None
    currency: CurrencyCode = "USD"

    @model_validator(mode="after")
    def prices_make_sense(self) -> "PricedParams":
        if not supported(self.currency):
            raise PydanticCustomError("currency_unsupported", "prices cannot be compared in this currency",
                                      {"field": "currency"})
        if self.price_min is not None and self.price_max is not None and self.price_min > self.price_max:
            raise PydanticCustomError("price_range", "price_min must not exceed price_max", {"field": "price_min"})
        return self

    def price_range(self) -> Range | None:
        if self.price_min is None and self.price_max is None:
            return None
        return Range(to_usd(self.price_min, self.currency), to_usd(self.price_max, self.currency))


class HsParams(PricedParams):
    """Listings and RFQs are both classified by HS code: chapter (2 digits), heading (4), subheading (6)."""

    hs_chapter: list[Chapter] = _values()
    hs_heading: list[Heading] = _values()
    hs_subheading: list[Subheading] = _values()


class ListingSearchParams(HsParams):
    doc_type: ClassVar[DocType] = DocType.LISTINGS
    term_fields: ClassVar[tuple[str, ...]] = ("hs_chapter", "hs_heading", "hs_subheading", "origin_country",
                                    "supplier_country", "certifications", "tier")
    sort: Sort = Sort.RELEVANCE
    origin_country: list[CountryCode] = _values()
    supplier_country: list[CountryCode] = _values()
    certifications: list[Label] = _values()
    tier: list[Label] = _values()
    verified: bool | None = None
    moq_max: Amount | None = None
    lead_time_max: int | None = Field(default=None, ge=0, le=730)
    one_per_supplier: bool = False

    def ranges(self) -> dict[str, Range]:
        ranges = {"price_usd": self.price_range(), "moq": Range(max=self.moq_max) if self.moq_max else None,
                  "lead_time_days": Range(max=self.lead_time_max) if self.lead_time_max is not None else None}
        return {name: bounds for name, bounds in ranges.items() if bounds is not None}


class RfqSearchParams(HsParams):
    doc_type: ClassVar[DocType] = DocType.RFQS
    term_fields: ClassVar[tuple[str, ...]] = ("hs_chapter", "hs_heading", "hs_subheading", "destination_country",
                                    "buyer_country", "required_certifications", "unit")
    sort: Sort = Sort.RELEVANCE
    destination_country: list[CountryCode] = _values()
    buyer_country: list[CountryCode] = _values()
    required_certifications: list[Label] = _values()
    unit: list[Label] = _values()

    def ranges(self) -> dict[str, Range]:
        price = self.price_range()
        return {"target_price_usd": price} if price else {}


class SupplierSearchParams(SearchParams):
    doc_type: ClassVar[DocType] = DocType.SUPPLIERS
    term_fields: ClassVar[tuple[str, ...]] = ("country", "business_type", "certifications", "export_markets",
                                    "hs_chapters", "tier")
    sort: Literal["relevance", "newest"] = "relevance"
    country: list[CountryCode] = _values()
    business_type: list[Label] = _values()
    certifications: list[Label] = _values()
    export_markets: list[CountryCode] = _values()
    hs_chapters: list[Chapter] = _values()
    tier: list[Label] = _values()
    verified: bool | None = None


PARAMS: dict[DocType, type[SearchParams]] = {
    DocType.LISTINGS: ListingSearchParams, DocType.RFQS: RfqSearchParams, DocType.SUPPLIERS: SupplierSearchParams,
}
