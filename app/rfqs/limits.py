"""Anti-spam rules of RFQs, counted from SQL: new RFQs per day, RFQs open (or waiting for review) at once, and
no second RFQ with the same normalised title and HS code while one is open or pending."""

import re
import unicodedata

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import day_start, today
from app.core.errors import AppError, conflict
from app.models import RfqLimit
from app.models.enums import RfqStatus
from app.models.rfq_limit import DEFAULT_OPEN_RFQS, DEFAULT_RFQS_PER_DAY
from app.rfqs import repository

LIVE = (RfqStatus.PENDING_REVIEW, RfqStatus.OPEN)


def normalised_title(title: str) -> str:
    """"Green  Coffee-Beans!" and "green coffee beans" are the same request."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


async def limits_of(session: AsyncSession, organization_id: int) -> RfqLimit:
    rows = await repository.stored_limits(session, organization_id)
    own = [row for row in rows if row.organization_id == organization_id]
    return (own or list(rows) or [RfqLimit(rfqs_per_day=DEFAULT_RFQS_PER_DAY, open_rfqs=DEFAULT_OPEN_RFQS)])[0]


def _limit_error(code: str, detail: str, limit: int) -> AppError:
    return AppError(detail, code=code, status=429, title="Too many requests", extra={"limit": limit})


async def ensure_daily_cap(session: AsyncSession, organization_id: int) -> None:
    limit = (await limits_of(session, organization_id)).rfqs_per_day
    created = await repository.created_since(session, organization_id, day_start(today()))
    if created >= limit:
        raise _limit_error("rfq_daily_limit", f"Your organization may create {limit} RFQs a day; try again "
                           "tomorrow", limit)


async def ensure_open_cap(session: AsyncSession, organization_id: int) -> None:
    limit = (await limits_of(session, organization_id)).open_rfqs
    live = await repository.count_in(session, organization_id, LIVE)
    if live >= limit:
        raise _limit_error("rfq_open_limit", f"Your organization may have {limit} RFQs open or in review at "
                           "once; close one first", limit)


async def ensure_not_duplicate(session: AsyncSession, organization_id: int, title: str, hs_code: str | None,
                               rfq_id: int | None = None) -> None:
    candidates = await repository.titles_in(session, organization_id, LIVE, hs_code)
    key = normalised_title(title)
    for other_id, other_title in candidates:
        if other_id != rfq_id and normalised_title(other_title) == key:
            error = conflict(f"You already have an open or pending RFQ like this one (RFQ {other_id})",
                             code="duplicate_rfq")
            error.extra["duplicate_of"] = other_id
            raise error
