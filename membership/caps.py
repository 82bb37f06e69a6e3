"""Caps every plan shares: the anti-spam limits on a buyer's RFQs, read from `rfq_limits` (the row without an
organization is the platform default; a row for an organization overrides it) and counted from SQL.

They sit beside the policy's rules so that /plans and /billing list them in the same words the refusal (429) uses.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.errors import AppError
from app.core.i18n import N_
from app.models import RfqLimit
from app.models.rfq_limit import DEFAULT_OPEN_RFQS, DEFAULT_RFQS_PER_DAY
from membership import usage


@dataclass(frozen=True)
class Cap:
    code: str
    label: str
    note: str
    refusal: str
    limit: Callable[[RfqLimit], int]
    usage: Callable[[AsyncSession, int, date], Awaitable[int]]
    refusal_of_one: str

    def shown(self, limit: int) -> str:
        return f"{limit} on every plan"

    def message(self, limit: int) -> str:
        return (self.refusal_of_one if limit == 1 else self.refusal).format(limit=limit)


RFQS_A_DAY = Cap(
    "rfq_daily_limit", N_("RFQs a day"), N_("RFQs created since midnight (UTC), drafts included"),
    "Your organization may create {limit} RFQs a day; try again tomorrow",
    lambda limits: limits.rfqs_per_day, usage.rfqs_created_on,
    "Your organization may create 1 RFQ a day; try again tomorrow")
RFQS_OPEN = Cap(
    "rfq_open_limit", N_("RFQs open or in review at once"),
    N_("RFQs open or waiting for review; drafts and closed RFQs do not count"),
    "Your organization may have {limit} RFQs open or in review at once; close one first",
    lambda limits: limits.open_rfqs, lambda session, organization_id, _day: usage.rfqs_live(session,
                                                                                              organization_id),
    "Your organization may have 1 RFQ open or in review at once; close it first")
CAPS = (RFQS_A_DAY, RFQS_OPEN)


async def limits_of(session: AsyncSession, organization_id: int | None) -> RfqLimit:
    """The organization's own row, else the platform default (None: the platform default)."""
    rows = list(await session.scalars(select(RfqLimit).where(
        (RfqLimit.organization_id == organization_id) | RfqLimit.organization_id.is_(None))))
    own = [row for row in rows if organization_id is not None and row.organization_id == organization_id]
    return (own or rows or [RfqLimit(rfqs_per_day=DEFAULT_RFQS_PER_DAY, open_rfqs=DEFAULT_OPEN_RFQS)])[0]


@dataclass(frozen=True)
class CapUse:
    cap: Cap
    limit: int
    usage: int

    @property
    def allowed(self) -> bool:
        return self.usage < self.limit


async def use_of(session: AsyncSession, organization_id: int, cap: Cap, today: date | None = None) -> CapUse:
    limit = cap.limit(await limits_of(session, organization_id))
    return CapUse(cap, limit, await cap.usage(session, organization_id, today or clock.today()))


async def ensure_within(session: AsyncSession, organization_id: int, cap: Cap) -> None:
    """429 with the cap's code when the organization is at its cap."""
    use = await use_of(session, organization_id, cap)
    if not use.allowed:
        raise AppError(cap.message(use.limit), code=cap.code, status=429, title="Too many requests",
                       extra={"limit": use.limit})
