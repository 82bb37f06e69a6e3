"""The showcase rules: which picks show (the plan's slots, in pick order, published ones), and the bounded boost a
showcased listing's search document carries."""

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing, ShowcasePick
from app.models.enums import ListingStatus
from promotion.showcase import listing_boost, showcased, showcased_of
from search.documents import listing_documents
from search.ranking import rank_multiplier
from tests.support.membership import NOW, add_listings, new_organization, put_on_tier, tier


@pytest.mark.parametrize(("tier_boost", "picked", "multiplier"), [
    (0.0, False, 1.0), (0.0, True, 1.02), (0.01, True, 1.03), (0.03, True, 1.05), (0.05, False, 1.05),
    (0.05, True, 1.05),  # Platinum is at the cap already: the showcase adds a label, not rank
])
def test_the_showcase_boost_adds_to_the_plans_within_the_cap(tier_boost: float, picked: bool,
                                                             multiplier: float) -> None:
    assert rank_multiplier(listing_boost(tier_boost, picked)) == pytest.approx(multiplier)


async def _picked(db: AsyncSession, organization_id: int, listing_ids: list[int]) -> None:
    db.add_all(ShowcasePick(organization_id=organization_id, listing_id=listing_id,
                            picked_at=NOW + timedelta(minutes=n)) for n, listing_id in enumerate(listing_ids))
    await db.flush()


async def test_picks_show_in_pick_order_within_the_plans_slots_and_only_when_published(db: AsyncSession) -> None:
    supplier = await new_organization(db, "Supplier")
    subscription = await put_on_tier(db, supplier, "gold")  # 3 slots
    assert subscription is not None
    first, archived, third, fourth = await add_listings(db, supplier, 4)
    await _picked(db, supplier, [third, archived, first])
    (await db.get_one(Listing, archived)).status = ListingStatus.ARCHIVED
    await db.flush()

    on_gold = (await showcased(db, [supplier]))[supplier]
    subscription.tier_id = (await tier(db, "silver")).id  # a downgrade to 1 slot
    await db.flush()
    on_silver = (await showcased(db, [supplier]))[supplier]
    await db.delete(subscription)  # the Free plan: no slots
    await db.flush()
    on_free = (await showcased(db, [supplier]))[supplier]

    assert on_gold == [third, first]  # the archived pick holds its slot but does not show
    assert on_silver == [third]
    assert on_free == []
    assert fourth not in on_gold
    await db.rollback()


async def test_a_showcased_listings_document_carries_the_boost(db: AsyncSession) -> None:
    supplier = await new_organization(db, "Supplier")
    await put_on_tier(db, supplier, "silver")
    picked, other = await add_listings(db, supplier, 2)
    await _picked(db, supplier, [picked])

    documents = await listing_documents(db, [picked, other])

    assert documents[picked] is not None and documents[other] is not None
    assert documents[picked]["rank_multiplier"] == pytest.approx(1.03)
    assert documents[other]["rank_multiplier"] == pytest.approx(1.01)
    assert await showcased_of(db, [supplier]) == {picked}
    await db.rollback()
