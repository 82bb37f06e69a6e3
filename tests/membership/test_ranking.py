"""The search boost of each tier, bounded, read for many organizations at once."""

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Tier
from app.models.enums import SubscriptionStatus
from membership import ranking
from membership.ranking import tier_boosts
from tests.support.membership import new_organization, put_on_tier


async def test_each_organization_gets_its_tier_boost(db: AsyncSession) -> None:
    ids = {}
    for code in ("free", "silver", "gold", "platinum"):
        ids[code] = await new_organization(db, code)
        await put_on_tier(db, ids[code], code)
    lapsed = await new_organization(db, "lapsed")
    expired = await put_on_tier(db, lapsed, "platinum")
    assert expired is not None
    expired.status = SubscriptionStatus.EXPIRED
    await db.flush()

    boosts = await tier_boosts(db, [*ids.values(), lapsed])

    assert boosts == {ids["free"]: 0.0, ids["silver"]: 0.01, ids["gold"]: 0.03, ids["platinum"]: 0.05, lapsed: 0.0}
    await db.rollback()


def test_the_plan_page_shows_the_boost_as_a_percentage() -> None:
    shown = [ranking.shown(Tier(ranking_boost=Decimal(boost))) for boost in ("0", "0.0100", "0.035", "0.05")]

    assert shown == ["None", "+1%", "+3.5%", "+5%"]
