"""API shapes of a supplier's storefront."""

from datetime import date

from pydantic import BaseModel, Field

from app.core.schemas import DecimalOut
from app.models.enums import BusinessType, EmployeeRange
from app.organizations.logo import logo_url
from app.organizations.service import Storefront
from app.verifications.schemas import VerificationFacts


class StoreCategoryOut(BaseModel):
    chapter: str
    description: str
    listings: int


class StorefrontOut(BaseModel):
    id: int
    slug: str
    name: str
    logo_url: str | None = Field(description="Address of the logo (a WebP within 256 px a side); null without one")
    country: str
    city: str | None
    business_type: BusinessType | None
    year_established: int | None
    years_in_business: int | None
    employee_range: EmployeeRange | None
    export_markets: list[str]
    certifications: list[str] = Field(description="As stated by the supplier (not checked by the platform)")
    website: str | None
    description: str | None
    member_since: date
    verified: bool = Field(description="Has at least one verification approved and not expired today")
    verifications: list[VerificationFacts] = Field(description="Its live verifications: facts checked by the "
                                                               "platform, with their expiry")
    plan_badge: str | None = Field(description="The badge of the supplier's paid membership plan: bought, "
                                               "not a verification")
    rating_avg: DecimalOut | None
    rating_count: int
    response_rate: DecimalOut | None = Field(description="Share (0-1) of the buying leads it opened that it quoted on")
    median_response_hours: DecimalOut | None
    published_listings: int
    categories: list[StoreCategoryOut]


def storefront_out(store: Storefront) -> StorefrontOut:
    supplier, trust = store.supplier, store.trust
    return StorefrontOut(
        id=supplier.id, slug=supplier.slug, name=supplier.name, logo_url=logo_url(supplier), country=supplier.country,
        city=supplier.city,
        business_type=supplier.business_type, year_established=supplier.year_established,
        years_in_business=store.years_in_business, employee_range=supplier.employee_range,
        export_markets=list(supplier.export_markets), certifications=list(supplier.certifications),
        website=supplier.website, description=supplier.description, member_since=store.member_since,
        verified=bool(store.verifications), verifications=store.verifications, plan_badge=store.plan_badge,
        rating_avg=trust.rating_avg,
        rating_count=trust.rating_count, response_rate=trust.response_rate,
        median_response_hours=trust.median_response_hours, published_listings=store.published_listings,
        categories=[StoreCategoryOut(chapter=c.chapter, description=c.description, listings=c.listings)
                    for c in store.categories],
    )


