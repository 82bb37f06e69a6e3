"""Booth promotion: which paying suppliers the featured slots of a chapter's pages (or of the home page) show.

Every supplier whose placement is live for the chapter has the same chance at each view: the slots are a uniform
random sample of them, in random order, so over many views each is shown as often as the others (a fixed order
would give the first ones every view). Each is labelled "Featured supplier" where it shows."""

import random
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import FeaturedPlacement, Organization


async def live_suppliers(session: AsyncSession, chapter: str | None, today: date) -> list[int]:
    """The suppliers with a live placement in `chapter` (in any chapter: None), not suspended, by id."""
    query = (select(FeaturedPlacement.organization_id).distinct()
             .join(Organization, Organization.id == FeaturedPlacement.organization_id)
             .where(FeaturedPlacement.starts_on <= today, FeaturedPlacement.ends_on > today,
                    Organization.suspended_at.is_(None)))
    if chapter is not None:
        query = query.where(FeaturedPlacement.chapter == chapter)
    return sorted(await session.scalars(query))


def rotated(candidates: Sequence[int], slots: int, chance: random.Random) -> list[int]:
    return chance.sample(list(candidates), min(slots, len(candidates)))
