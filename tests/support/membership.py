"""Rows for membership tests, stored directly: organizations on a tier, and the usage the policy counts."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LeadView, Listing, Organization, Quote, Rfq, Subscription, Tier, User
from app.models.enums import (
    BillingInterval,
    ListingStatus,
    MemberRole,
    OrganizationRole,
    PaymentProviderName,
    QuoteStatus,
    RfqStatus,
    SubscriptionStatus,
    Unit,
)

TODAY = date(2026, 3, 15)
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


async def new_organization(db: AsyncSession, name: str = "Acme", role: OrganizationRole = OrganizationRole.BOTH,
                           ) -> int:
    count = len(list(await db.scalars(select(Organization.id))))
    organization = Organization(name=name, slug=f"{name.lower()}-{count + 1}", role=role, country="CN")
    db.add(organization)
    await db.flush()
    return organization.id


async def tier(db: AsyncSession, code: str) -> Tier:
    found = await db.scalar(select(Tier).where(Tier.code == code))
    assert found is not None
    return found


async def put_on_tier(db: AsyncSession, organization_id: int, code: str, start: date = TODAY,
                      interval: BillingInterval = BillingInterval.MONTH) -> Subscription | None:
    """An active subscription without invoices: for policy tests that only need the tier."""
    plan = await tier(db, code)
    if plan.is_default:
        return None
    subscription = Subscription(
        organization_id=organization_id, tier_id=plan.id, interval=interval, status=SubscriptionStatus.ACTIVE,
        provider=PaymentProviderName.MANUAL, current_period_start=start,
        current_period_end=start + timedelta(days=31), cancel_at_period_end=False,
    )
    db.add(subscription)
    await db.flush()
    return subscription


async def add_listings(db: AsyncSession, organization_id: int, count: int,
                       status: ListingStatus = ListingStatus.PUBLISHED) -> list[int]:
    listings = [Listing(organization_id=organization_id, title=f"Listing {n}", moq=Decimal(1), moq_unit=Unit.PIECE,
                        status=status, published_at=NOW - timedelta(days=count - n))
                for n in range(count)]
    db.add_all(listings)
    await db.flush()
    return [listing.id for listing in listings]


async def add_rfqs(db: AsyncSession, organization_id: int, count: int, status: RfqStatus = RfqStatus.OPEN,
                   created_at: datetime = NOW) -> list[int]:
    rfqs = [Rfq(organization_id=organization_id, title=f"RFQ {n}", quantity=Decimal(1), unit=Unit.PIECE,
                valid_until=TODAY + timedelta(days=30), status=status, created_at=created_at)
            for n in range(count)]
    db.add_all(rfqs)
    await db.flush()
    return [rfq.id for rfq in rfqs]


async def add_quotes(db: AsyncSession, organization_id: int, count: int, created_at: datetime = NOW) -> None:
    """Withdrawn quotes on one RFQ: they still count against the month's allowance."""
    buyer = await new_organization(db, "Buyer", OrganizationRole.BUYER)
    [rfq_id] = await add_rfqs(db, buyer, 1)
    db.add_all(Quote(rfq_id=rfq_id, organization_id=organization_id, unit_price=Decimal(1), currency="USD",
                     quantity=Decimal(1), unit=Unit.PIECE, status=QuoteStatus.WITHDRAWN, created_at=created_at)
               for _ in range(count))
    await db.flush()


async def add_lead_views(db: AsyncSession, organization_id: int, count: int, day: date = TODAY) -> None:
    buyer = await new_organization(db, "Buyer", OrganizationRole.BUYER)
    rfq_ids = await add_rfqs(db, buyer, count)
    db.add_all(LeadView(organization_id=organization_id, rfq_id=rfq_id, viewed_on=day) for rfq_id in rfq_ids)
    await db.flush()


async def add_members(db: AsyncSession, organization_id: int, count: int) -> None:
    db.add_all(User(email=f"member{n}-{organization_id}@example.com", password_hash="!", name=f"Member {n}",
                    organization_id=organization_id, member_role=MemberRole.MEMBER) for n in range(count))
    await db.flush()
