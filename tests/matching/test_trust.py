"""Supplier trust signals: ratings, response rate on opened leads, median response time, verification."""

from datetime import timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import LeadView, Organization, Quote, QuoteRating, Rfq
from app.models.enums import OrganizationRole, QuoteStatus, RfqStatus, Unit
from matching.trust import TrustSignals, supplier_trust
from tests.support.membership import new_organization
from tests.support.rfqs import days_from_today


async def rfq_opened(db: AsyncSession, buyer: int, hours_ago: int) -> Rfq:
    rfq = Rfq(organization_id=buyer, title="Coffee", quantity=Decimal(1), unit=Unit.KILOGRAM,
              valid_until=days_from_today(10), status=RfqStatus.OPEN, opened_at=utcnow() - timedelta(hours=hours_ago))
    db.add(rfq)
    await db.flush()
    return rfq


async def quote(db: AsyncSession, rfq: Rfq, supplier: int, after_hours: float, score: int | None = None) -> None:
    row = Quote(rfq_id=rfq.id, organization_id=supplier, unit_price=Decimal(1), currency="USD",
                quantity=Decimal(1), unit=Unit.KILOGRAM, status=QuoteStatus.SUBMITTED,
                response_seconds=int(after_hours * 3600))
    db.add(row)
    await db.flush()
    if score is not None:
        db.add(QuoteRating(quote_id=row.id, supplier_id=supplier, score=score))


async def test_signals_come_from_ratings_leads_response_times_and_verification(app: object,
                                                                               db: AsyncSession) -> None:
    buyer = await new_organization(db, "Buyer", OrganizationRole.BUYER)
    rated = await new_organization(db, "Rated", OrganizationRole.SUPPLIER)
    fresh = await new_organization(db, "Fresh", OrganizationRole.SUPPLIER)
    (await db.get_one(Organization, rated)).verified_until = days_from_today(30)
    rfqs = [await rfq_opened(db, buyer, 100) for _ in range(4)]
    await quote(db, rfqs[0], rated, 2, score=5)
    await quote(db, rfqs[1], rated, 10, score=4)
    await quote(db, rfqs[2], rated, 30, score=4)
    db.add_all(LeadView(organization_id=rated, rfq_id=rfq.id, viewed_on=days_from_today(0)) for rfq in rfqs)
    await db.commit()

    signals = await supplier_trust(db, [rated, fresh])

    assert signals == {
        rated: TrustSignals(rating_avg=Decimal("4.33"), rating_count=3, response_rate=Decimal("0.75"),
                            median_response_hours=Decimal("10.0"), verified=True),
        fresh: TrustSignals(rating_avg=None, rating_count=0, response_rate=None, median_response_hours=None,
                            verified=False),
    }
    assert signals[rated].score == Decimal("5.55")  # (4.33 x 3 + 3 x 2) / 5 = 3.798, + 1 verified, + 0.75
    assert signals[fresh].score == Decimal("3")
    assert await supplier_trust(db, []) == {}
