"""API shapes of search results."""

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from app.core.schemas import DecimalOut
from app.core.text import excerpt
from app.hs.query import HS_EDITION
from app.listings.schemas import ListingOut
from app.models import Listing, Organization
from app.models.enums import BusinessType, Incoterm, Unit
from app.search_api.service import Found, Results, RfqLead
from trust.verification import verified_today

T = TypeVar("T")


class SupplierBrief(BaseModel):
    id: int
    slug: str
    name: str
    country: str
    verified: bool


class SupplierOut(SupplierBrief):
    city: str | None
    business_type: BusinessType | None
    certifications: list[str]
    export_markets: list[str]
    description: str | None


class ListingHitOut(BaseModel):
    listing: ListingOut
    supplier: SupplierBrief
    score: float
    showcase: bool = Field(description="In its supplier's showcase (a paid plan's slot): labelled, and ranked up to "
                           "2% higher within the 5% cap on paid boosts; see /how-ranking-works")
    highlights: dict[str, str] = Field(description="Field -> HTML snippet, matches in <mark>")


class SupplierHitOut(BaseModel):
    supplier: SupplierOut
    score: float
    highlights: dict[str, str]


class RfqLeadOut(BaseModel):
    """An open RFQ as a lead: what the buyer needs (`description` is an excerpt), never who the buyer is: the
    whole request and, on plans with buyer contacts, the buyer show when a supplier opens the RFQ (a lead)."""

    id: int
    title: str
    description: str
    hs_code: str | None
    quantity: DecimalOut
    unit: Unit
    target_unit_price: DecimalOut | None
    currency: str | None
    incoterm: Incoterm | None
    destination_country: str | None
    required_certifications: list[str]
    valid_until: date
    opened_at: datetime | None
    buyer_country: str


class RfqHitOut(BaseModel):
    rfq: RfqLeadOut
    score: float
    highlights: dict[str, str]


class HsFilterOut(BaseModel):
    """The HS code the query consisted of: the results are filtered to it and the codes under it."""

    code: str = Field(description="The code's digits: 2 (chapter), 4 (heading) or 6 (subheading)")
    display: str = Field(description="As usually written: 8481.80, 8481 or 84")
    level: Literal["chapter", "heading", "subheading"]
    description: str
    edition: str = Field(description="The HS edition of the codes")
    filter: str = Field(description="The filter applied: hs_chapter, hs_heading or hs_subheading (hs_chapters, "
                        "the chapter, for suppliers)")


class SearchPageOut(BaseModel, Generic[T]):
    total: int
    total_relation: Literal["eq", "gte"] = Field(description="`gte`: a broad query's weakest matches (sharing only "
                                                 "common words with it) were skipped, `total` is a lower bound")
    items: list[T]
    facets: dict[str, dict[str, int]]
    facets_approximate: bool = Field(description="The facets counted only the best-scoring matches (a broad "
                                     "query); `total` is exact either way")
    next_cursor: str | None
    hs_filter: HsFilterOut | None = Field(default=None, description="Set when the query was an HS code: the search "
                                          "filtered by that code's subtree instead of searching its digits as words")


class SponsoredHitOut(BaseModel):
    listing: ListingOut
    supplier: SupplierBrief
    position: int = Field(description="1 is the top sponsored slot")
    keyword: str = Field(description="The advertiser's keyword the search matched")
    click_url: str = Field(description="Link through this (relative to the site): the click is recorded, charged to "
                           "the advertiser at most once, and redirects to the listing")
    label: Literal["Sponsored"] = "Sponsored"


class ListingSearchPageOut(SearchPageOut[ListingHitOut]):
    sponsored: list[SponsoredHitOut] = Field(
        description="Paid results for the query's keywords (first page of a search by words only), shown above the "
                    "items and labelled; an advertised listing is not repeated among the items")


class SuggestOut(BaseModel):
    suggestions: list[str]


def search_page(results: Results[Any], items: list[T]) -> SearchPageOut[T]:
    # Unparametrised: subscripting a generic model per request costs milliseconds; the route's response_model
    # checks the items.
    return SearchPageOut(total=results.total, total_relation="eq" if results.total_exact else "gte",
                         items=items, facets=results.facets, facets_approximate=results.facets_approximate,
                         next_cursor=results.next_cursor, hs_filter=_hs_filter(results))


def listing_search_page(results: Results[tuple[Listing, Organization]]) -> ListingSearchPageOut:
    page = search_page(results, [listing_hit(found, results.showcased) for found in results.items])
    sponsored = [SponsoredHitOut(listing=ListingOut.model_validate(ad.listing),
                                 supplier=supplier_brief(ad.organization), position=ad.position, keyword=ad.keyword,
                                 click_url=ad.click_url)
                 for ad in results.sponsored]
    return ListingSearchPageOut(**dict(page), sponsored=sponsored)


def _hs_filter(results: Results[Any]) -> HsFilterOut | None:
    hs = results.hs
    if hs is None or results.hs_filter is None:
        return None
    return HsFilterOut(code=hs.code, display=hs.display, level=hs.level_name,
                       description=hs.description, edition=HS_EDITION, filter=results.hs_filter)


def supplier_brief(organization: Organization) -> SupplierBrief:
    return SupplierBrief(id=organization.id, slug=organization.slug, name=organization.name,
                         country=organization.country, verified=verified_today(organization.verified_until))


def supplier_out(organization: Organization) -> SupplierOut:
    return SupplierOut(**supplier_brief(organization).model_dump(), city=organization.city,
                       business_type=organization.business_type, certifications=organization.certifications,
                       export_markets=organization.export_markets, description=organization.description)


def listing_hit(found: Found[tuple[Listing, Organization]], showcased: frozenset[int]) -> ListingHitOut:
    listing, organization = found.item
    return ListingHitOut(listing=ListingOut.model_validate(listing), supplier=supplier_brief(organization),
                         score=found.score, showcase=listing.id in showcased, highlights=found.highlights)


def supplier_hit(found: Found[Organization]) -> SupplierHitOut:
    return SupplierHitOut(supplier=supplier_out(found.item), score=found.score, highlights=found.highlights)


def rfq_hit(found: Found[RfqLead]) -> RfqHitOut:
    rfq = found.item.rfq
    lead = RfqLeadOut(
        id=rfq.id, title=rfq.title, description=excerpt(rfq.description), hs_code=rfq.hs_code, quantity=rfq.quantity,
        unit=rfq.unit, target_unit_price=rfq.target_unit_price, currency=rfq.currency, incoterm=rfq.incoterm,
        destination_country=rfq.destination_country, required_certifications=rfq.required_certifications,
        valid_until=rfq.valid_until, opened_at=rfq.opened_at, buyer_country=found.item.buyer_country)
    return RfqHitOut(rfq=lead, score=found.score, highlights=found.highlights)

