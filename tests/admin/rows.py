"""Rows of the admin dashboard's tests, stored directly at known moments."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AlertDelivery, Invoice, Listing, Quote, Rfq, User
from app.models.enums import (
    InvoicePurpose,
    InvoiceStatus,
    ListingStatus,
    MemberRole,
    NotificationKind,
    PaymentProviderName,
    QuoteStatus,
    RfqStatus,
    Unit,
)


async def listing(db: AsyncSession, organization_id: int, created_at: datetime,
                  status: ListingStatus = ListingStatus.DRAFT) -> None:
    db.add(Listing(organization_id=organization_id, title="Copper wire", moq=Decimal(1), moq_unit=Unit.PIECE,
                   status=status, created_at=created_at))
    await db.flush()


async def rfq(db: AsyncSession, organization_id: int, created_at: datetime,
              status: RfqStatus = RfqStatus.DRAFT) -> int:
    row = Rfq(organization_id=organization_id, title="Coffee beans", quantity=Decimal(1), unit=Unit.KILOGRAM,
              valid_until=date(2099, 12, 31), status=status, created_at=created_at)
    db.add(row)
    await db.flush()
    return row.id


async def quote(db: AsyncSession, rfq_id: int, organization_id: int, created_at: datetime,
                status: QuoteStatus = QuoteStatus.WITHDRAWN) -> None:
    db.add(Quote(rfq_id=rfq_id, organization_id=organization_id, unit_price=Decimal(1), currency="USD",
                 quantity=Decimal(1), unit=Unit.KILOGRAM, status=status, created_at=created_at))
    await db.flush()


async def user(db: AsyncSession, organization_id: int, created_at: datetime) -> None:
    db.add(User(email=f"member-{created_at.timestamp():.0f}@example.com", password_hash="!", name="Member",
                organization_id=organization_id, member_role=MemberRole.MEMBER, created_at=created_at))
    await db.flush()


async def match_alert(db: AsyncSession, organization_id: int, created_at: datetime, event: str) -> None:
    db.add(AlertDelivery(event_key=event, organization_id=organization_id, kind=NotificationKind.RFQ_MATCH,
                         created_at=created_at))
    await db.flush()


async def invoice(db: AsyncSession, organization_id: int, sequence: int, total: str, currency: str,
                  paid_at: datetime | None, status: InvoiceStatus = InvoiceStatus.PAID) -> None:
    db.add(Invoice(number=f"T-{sequence}", year=2026, sequence=sequence, organization_id=organization_id,
                   purpose=InvoicePurpose.UPGRADE, status=status, provider=PaymentProviderName.MANUAL,
                   currency=currency, total=Decimal(total), due_on=date(2026, 12, 31), paid_at=paid_at,
                   bill_to="Acme"))
    await db.flush()
