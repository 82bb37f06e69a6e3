"""A tier's listing limit after a downgrade or an expiry counts what the plan page says: listings published or
waiting for review. Over it, waiting listings go back to draft first, then the newest published are unpublished."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing
from app.models.enums import ListingStatus
from membership.enforcement import enforce_listing_limit
from membership.policy import Action, decide
from tests.support.membership import TODAY, add_listings, new_organization

P, W, D, U = ListingStatus.PUBLISHED, ListingStatus.PENDING_REVIEW, ListingStatus.DRAFT, ListingStatus.UNPUBLISHED


async def _statuses(db: AsyncSession, ids: list[int]) -> list[ListingStatus]:
    by_id = {listing.id: listing.status for listing in await db.scalars(select(Listing).where(Listing.id.in_(ids)))}
    return [by_id[i] for i in ids]


async def test_listings_waiting_for_review_over_the_limit_go_back_to_draft_first(db: AsyncSession) -> None:
    org = await new_organization(db)  # Free: 20 listings published or waiting for review
    published = await add_listings(db, org, 18)
    waiting = await add_listings(db, org, 5, W)

    unpublished = await enforce_listing_limit(db, org)

    assert unpublished == []
    assert await _statuses(db, published) == [P] * 18
    assert await _statuses(db, waiting) == [W, W, D, D, D]
    decision = await decide(db, org, Action.PUBLISH_LISTING, TODAY)
    assert (decision.usage, decision.limit, decision.allowed) == (20, 20, False)
    await db.rollback()


async def test_then_the_newest_published_listings_are_unpublished(db: AsyncSession) -> None:
    org = await new_organization(db)
    published = await add_listings(db, org, 22)  # oldest first
    waiting = await add_listings(db, org, 2, W)

    unpublished = await enforce_listing_limit(db, org)

    assert sorted(unpublished) == published[-2:]
    assert await _statuses(db, published) == [P] * 20 + [U] * 2
    assert await _statuses(db, waiting) == [D, D]
    assert (await decide(db, org, Action.PUBLISH_LISTING, TODAY)).usage == 20
    await db.rollback()
