"""The caps every plan shares (RFQ anti-spam): the platform default or the organization's own, and their words."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import RfqLimit
from membership import caps
from tests.support.membership import TODAY, add_rfqs, new_organization


async def test_an_organization_has_the_platform_default_unless_it_has_its_own(db: AsyncSession) -> None:
    mine, other = await new_organization(db, "Mine"), await new_organization(db, "Other")
    db.add(RfqLimit(organization_id=mine, rfqs_per_day=2, open_rfqs=1))
    await db.flush()

    limits = [await caps.limits_of(db, organization_id) for organization_id in (mine, other, None)]

    assert [(row.rfqs_per_day, row.open_rfqs) for row in limits] == [(2, 1), (10, 25), (10, 25)]
    await db.rollback()


async def test_usage_counts_what_the_label_says(db: AsyncSession) -> None:
    org = await new_organization(db)
    await add_rfqs(db, org, 3)  # open RFQs created on TODAY

    daily = await caps.use_of(db, org, caps.RFQS_A_DAY, TODAY)
    live = await caps.use_of(db, org, caps.RFQS_OPEN, TODAY)

    assert (daily.usage, daily.limit, daily.allowed, live.usage, live.limit) == (3, 10, True, 3, 25)
    await db.rollback()


def test_a_refusal_uses_the_label_and_reads_right_for_one() -> None:
    assert caps.RFQS_A_DAY.message(2) == "Your organization may create 2 RFQs a day; try again tomorrow"
    assert caps.RFQS_A_DAY.message(1) == "Your organization may create 1 RFQ a day; try again tomorrow"
    assert caps.RFQS_OPEN.message(25) == ("Your organization may have 25 RFQs open or in review at once; close one "
                                          "first")
    assert caps.RFQS_OPEN.message(1) == "Your organization may have 1 RFQ open or in review at once; close it first"
    for cap in caps.CAPS:
        assert cap.label in cap.message(2)
