"""A supplier's showcase: which of its listings fill the slots its plan includes. The rules of what shows are
promotion.showcase's; the number of slots is the membership policy's (Action.SHOWCASE_LISTING)."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_seller
from app.background.outbox import record_change
from app.core.errors import FieldError, not_found, validation_failed
from app.core.i18n import N_
from app.models import Listing, ShowcasePick
from app.models.enums import EntityType, ListingStatus
from app.showcase import repository
from app.showcase.schemas import ShowcaseEntryOut, ShowcaseOut
from membership.policy import Action, decide, ensure_allowed, lock_organization
from promotion.showcase import SHOWCASE_BOOST, showcased

NOT_YOURS = N_("Pick one of your own listings.")
NOT_PUBLISHED = N_("Only a published listing can be showcased.")


@dataclass(frozen=True)
class ShowcaseView:
    summary: ShowcaseOut
    pickable: list[Listing]


def _hidden_because(listing: Listing, shown: bool) -> str | None:
    if shown:
        return None
    return "not_published" if listing.status != ListingStatus.PUBLISHED else "beyond_slots"


async def showcase_of(session: AsyncSession, viewer: Viewer | None) -> ShowcaseView:
    viewer = require_seller(viewer)
    organization_id = viewer.organization_id
    decision = await decide(session, organization_id, Action.SHOWCASE_LISTING)
    shown = set((await showcased(session, [organization_id]))[organization_id])
    entries = [ShowcaseEntryOut(listing_id=listing.id, title=listing.title, status=listing.status,
                                picked_at=pick.picked_at, shown=listing.id in shown,
                                hidden_because=_hidden_because(listing, listing.id in shown))
               for pick, listing in await repository.picks_of(session, organization_id)]
    summary = ShowcaseOut(slots=decision.limit, used=decision.usage, boost=Decimal(str(SHOWCASE_BOOST)),
                          picks=entries)
    return ShowcaseView(summary, await repository.pickable(session, organization_id))


async def _own_published(session: AsyncSession, organization_id: int, listing_id: int) -> Listing:
    listing = await session.get(Listing, listing_id)
    if listing is None or listing.organization_id != organization_id:
        raise validation_failed([FieldError("listing_id", NOT_YOURS, "not_your_listing")])
    if listing.status != ListingStatus.PUBLISHED:
        raise validation_failed([FieldError("listing_id", NOT_PUBLISHED, "not_published")])
    return listing


async def _reindex_showcase(session: AsyncSession, organization_id: int, *also: int) -> None:
    """A pick or its removal can change which picks fit the slots: each pick's document is rebuilt."""
    for listing_id in {*also, *(listing.id for _, listing in await repository.picks_of(session, organization_id))}:
        record_change(session, EntityType.LISTING, listing_id)


async def pick(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> tuple[ShowcasePick, bool]:
    """Puts a listing in the showcase; returns the pick and whether it is new (picking it again changes nothing)."""
    viewer = require_seller(viewer)
    await lock_organization(session, viewer.organization_id)
    await _own_published(session, viewer.organization_id, listing_id)
    existing = await repository.pick_of(session, listing_id)
    if existing is not None:
        return existing, False
    await ensure_allowed(session, viewer.organization_id, Action.SHOWCASE_LISTING)
    chosen = ShowcasePick(organization_id=viewer.organization_id, listing_id=listing_id)
    session.add(chosen)
    await session.flush()
    await _reindex_showcase(session, viewer.organization_id)
    return chosen, True


async def unpick(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> None:
    viewer = require_seller(viewer)
    await lock_organization(session, viewer.organization_id)
    chosen = await repository.pick_of(session, listing_id)
    if chosen is None or chosen.organization_id != viewer.organization_id:
        raise not_found("Showcase pick")
    await session.delete(chosen)
    await session.flush()
    await _reindex_showcase(session, viewer.organization_id, listing_id)


async def showcase_listings(session: AsyncSession, organization_id: int) -> list[Listing]:
    """What leads the organisation's store: its shown picks, in pick order."""
    return await repository.listings_in_order(session, (await showcased(session, [organization_id]))[organization_id])
