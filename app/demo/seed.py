"""Builds the demo catalogue through the services, so their rules, validation and outbox rows all apply; its
listings' pictures are drawn here (app.demo.images) and go through the same upload checks as a supplier's."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import service as accounts
from app.accounts.schemas import RegisterInput
from app.ads import campaigns, featured
from app.ads import service as ads
from app.ads.schemas import CampaignIn, FeaturedIn, KeywordIn, TopUpIn
from app.auth.viewer import Viewer
from app.billing import service as billing
from app.billing.schemas import SubscribeInput
from app.core import clock
from app.core.config import Settings
from app.core.storage import FileStore
from app.demo.catalogue import MORE_LISTINGS, MORE_SUPPLIERS
from app.demo.images import draw_certificate, draw_logo, draw_product_image
from app.demo.listings import LISTINGS, DemoListing
from app.demo.organizations import ADMIN, BUYERS, SUPPLIERS, DemoOrganization
from app.demo.quotes import QUOTES
from app.demo.rfqs import RFQS, DemoRfq
from app.demo.verifications import VERIFICATIONS, DemoVerification
from app.fx.csv_file import REFERENCE_RATES
from app.fx.service import load_rates_file
from app.listings import images as listing_images
from app.listings import service as listings
from app.listings.schemas import ListingCreate
from app.models import Listing, Rfq
from app.models.enums import KeywordMatch, ListingStatus, PaymentProviderName, RfqStatus, VerificationStatus
from app.organizations import logo
from app.quotes import service as quotes
from app.quotes.schemas import QuoteCreate
from app.rfqs import service as rfqs
from app.rfqs.schemas import RfqCreate
from app.showcase import service as showcase
from app.verifications import evidence
from app.verifications import service as verifications
from app.verifications.schemas import DecisionIn, VerificationIn

DEMO_PASSWORD = "demo-password-1"
ADMIN_ROLE = "platform admin"
PAID_TIER = "gold"
AD_CREDIT = Decimal("500")
# One supplier with products in its showcase: "cotton" shows them labelled.
SHOWCASE_SUPPLIER = "coromandel"
SHOWCASE = ("300 thread count cotton percale sheet set", "Terry bath towels 600 GSM, ring spun cotton")


@dataclass(frozen=True)
class DemoCampaign:
    """A supplier on the paid plan (paid by bank transfer) with ad credit and a campaign promoting its listings whose
    title names `word`, so that a search for it shows sponsored results at once."""

    supplier: str
    name: str
    word: str
    keywords: tuple[tuple[str, KeywordMatch, str], ...]


# Featured suppliers (booth promotion), paid: the chapter's pages and the home page show them labelled.
FEATURED = (("brightway", "85"), ("coromandel", "63"))

CAMPAIGNS = (
    DemoCampaign("coromandel", "Cotton home textiles", "cotton",
                 (("cotton", KeywordMatch.BROAD, "0.80"), ("cotton towels", KeywordMatch.PHRASE, "1.10"))),
    DemoCampaign("brightway", "LED lighting", "led",
                 (("led", KeywordMatch.BROAD, "0.60"), ("led panel light", KeywordMatch.PHRASE, "0.90"))),
    DemoCampaign("rheinwerk", "Industrial valves", "valve",
                 (("valve", KeywordMatch.BROAD, "1.20"), ("ball valve", KeywordMatch.PHRASE, "1.50"))),
)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    organization: str
    slug: str
    role: str


@dataclass(frozen=True)
class Member:
    viewer: Viewer
    country: str


@dataclass
class SeedResult:
    logins: list[DemoLogin] = field(default_factory=list)
    listings: Counter[ListingStatus] = field(default_factory=Counter)
    rfqs: Counter[RfqStatus] = field(default_factory=Counter)
    exchange_rates: int = 0
    quotes: int = 0
    verifications: Counter[VerificationStatus] = field(default_factory=Counter)


async def seed_demo(session: AsyncSession, store: FileStore, settings: Settings) -> SeedResult:
    result = SeedResult()
    members = {demo.key: await _register(session, demo, result) for demo in [*SUPPLIERS, *MORE_SUPPLIERS, *BUYERS]}
    for demo in [*SUPPLIERS, *MORE_SUPPLIERS]:
        organization = await accounts.get_organization_by_id(session, members[demo.key].viewer.organization_id)
        await logo.set_logo(session, store, members[demo.key].viewer, organization.slug, draw_logo(organization.name))
    admin = await _register(session, ADMIN, result, platform_admin=True)
    titles: dict[str, int] = {}
    published: dict[str, list[Listing]] = {}
    for listing in [*LISTINGS, *MORE_LISTINGS]:
        added = await _add_listing(session, store, members[listing.supplier], admin.viewer, listing)
        result.listings[added.status] += 1
        titles[added.title] = added.id
        if added.status == ListingStatus.PUBLISHED:
            published.setdefault(listing.supplier, []).append(added)
    for demo_campaign in CAMPAIGNS:
        await _advertise(session, settings, members[demo_campaign.supplier].viewer, admin.viewer, demo_campaign,
                         published[demo_campaign.supplier])
    for title in SHOWCASE:
        await showcase.pick(session, members[SHOWCASE_SUPPLIER].viewer, titles[title])
    for supplier, chapter in FEATURED:
        invoice = await featured.buy(session, settings, members[supplier].viewer, FeaturedIn(chapter=chapter))
        await billing.mark_paid(session, admin.viewer, invoice.id, f"DEMO-FEATURED-{chapter}")
    opened: dict[str, int] = {}
    for demo_rfq in RFQS:
        rfq = await _add_rfq(session, members[demo_rfq.buyer], admin.viewer, demo_rfq)
        result.rfqs[rfq.status] += 1
        opened[rfq.title] = rfq.id
    for demo_quote in QUOTES:
        await quotes.submit_quote(session, members[demo_quote.supplier].viewer, opened[demo_quote.rfq_title],
                                  QuoteCreate.model_validate(demo_quote.fields))
        result.quotes += 1
    for demo_verification in VERIFICATIONS:
        await _add_verification(session, store, members[demo_verification.organization], admin.viewer,
                                demo_verification)
        result.verifications[demo_verification.status] += 1
    # Dated reference rates, so the quote comparison converts currencies from the start (app/fx/csv_file.py).
    result.exchange_rates = len(await load_rates_file(session, REFERENCE_RATES))
    return result


async def _register(session: AsyncSession, demo: DemoOrganization, result: SeedResult,
                    platform_admin: bool = False) -> Member:
    data = RegisterInput.model_validate({**demo.account, "password": DEMO_PASSWORD})
    user = await accounts.register(session, data)
    # No service grants platform administration: it is an operator's decision, taken here for the demo.
    user.is_platform_admin = platform_admin
    organization = await accounts.get_organization_by_id(session, user.organization_id)
    role = ADMIN_ROLE if platform_admin else organization.role.value
    result.logins.append(DemoLogin(user.email, organization.name, organization.slug, role))
    return Member(accounts.viewer_of(user, organization), organization.country)


async def _add_listing(session: AsyncSession, store: FileStore, owner: Member, admin: Viewer,
                       demo: DemoListing) -> Listing:
    data = ListingCreate.model_validate({"country_of_origin": owner.country, **demo.fields})
    listing = await listings.create_listing(session, owner.viewer, data)
    for variant in range(demo.pictures):
        picture = draw_product_image(listing.title, listing.hs_code, variant)
        await listing_images.add_image(session, store, owner.viewer, listing.id, picture)
    if demo.status in (ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED):
        listing = await listings.submit_listing(session, owner.viewer, listing.id)
    if demo.status == ListingStatus.PUBLISHED:
        listing = await listings.publish_listing(session, admin, listing.id)
    return listing


async def _advertise(session: AsyncSession, settings: Settings, owner: Viewer, admin: Viewer,
                     demo: DemoCampaign, listings_of_owner: list[Listing]) -> None:
    """The owner subscribes and buys ad credit by bank transfer, an administrator books the transfers, as on the
    billing pages; then the owner starts a campaign, as on the campaign page."""
    plan = SubscribeInput(tier=PAID_TIER, provider=PaymentProviderName.MANUAL)
    change = await billing.subscribe(session, settings, owner, plan)
    if change.invoice is not None:
        await billing.mark_paid(session, admin, change.invoice.id, f"DEMO-PLAN-{owner.organization_id}")
    credit = await ads.top_up(session, settings, owner, TopUpIn(amount=AD_CREDIT, provider=PaymentProviderName.MANUAL))
    await billing.mark_paid(session, admin, credit.id, f"DEMO-ADS-{owner.organization_id}")
    promoted = [listing.id for listing in listings_of_owner if demo.word in listing.title.lower()]
    keywords = [KeywordIn(phrase=phrase, match=match, max_cpc=Decimal(bid)) for phrase, match, bid in demo.keywords]
    await campaigns.create(session, owner, CampaignIn(name=demo.name, daily_budget=Decimal("50"),
                                                      listing_ids=promoted[:50], keywords=keywords))


async def _add_rfq(session: AsyncSession, owner: Member, admin: Viewer, demo: DemoRfq) -> Rfq:
    valid_until = clock.today() + timedelta(days=demo.valid_for_days)
    rfq = await rfqs.create_rfq(session, owner.viewer, RfqCreate.model_validate({**demo.fields,
                                                                                 "valid_until": valid_until}))
    if demo.status in (RfqStatus.PENDING_REVIEW, RfqStatus.OPEN):
        rfq = await rfqs.submit_rfq(session, owner.viewer, rfq.id)
    if demo.status == RfqStatus.OPEN:
        rfq = await rfqs.approve_rfq(session, admin, rfq.id)
    return rfq


async def _add_verification(session: AsyncSession, store: FileStore, owner: Member, admin: Viewer,
                            demo: DemoVerification) -> None:
    today = clock.today()
    valid_days = demo.expires_in_days if demo.expires_in_days > 0 else 30
    facts = VerificationIn.model_validate({**demo.fields, "issued_on": today - timedelta(days=demo.issued_days_ago),
                                           "expires_on": today + timedelta(days=valid_days)})
    asked = await verifications.request_verification(session, owner.viewer, facts)
    lines = [facts.standard or facts.kind.value.replace("_", " "), facts.issuer, f"No. {facts.certificate_number}",
             f"Valid until {facts.expires_on.isoformat()}"]
    scan = await evidence.add_file(session, store, owner.viewer, asked.id, "certificate.pdf", draw_certificate(lines))
    if demo.public_evidence:
        await evidence.set_public(session, owner.viewer, asked.id, scan.id, True)
    if demo.status is VerificationStatus.APPROVED:
        await verifications.approve(session, admin, asked.id, DecisionIn(note="Checked against the issuer's register"))
    if demo.expires_in_days < 0:  # an expired one: no request could be approved so, so its day is moved after
        asked.expires_on = today + timedelta(days=demo.expires_in_days)
        await verifications.refresh_organization(session, asked.organization_id)
