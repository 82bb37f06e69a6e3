"""Anti-spam rules of RFQs: new RFQs per day and RFQs open (or waiting for review) at once (caps every plan
shares, worded and counted by `membership.caps` so /plans lists them), and no second RFQ with the same
normalised title and HS code while one is open or pending."""

import re
import unicodedata

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import conflict
from app.rfqs import repository
from membership import caps
from membership.usage import LIVE_RFQ_STATUSES as LIVE


def normalised_title(title: str) -> str:
    """"Green  Coffee-Beans!" and "green coffee beans" are the same request."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


async def ensure_daily_cap(session: AsyncSession, organization_id: int) -> None:
    await caps.ensure_within(session, organization_id, caps.RFQS_A_DAY)


async def ensure_open_cap(session: AsyncSession, organization_id: int) -> None:
    await caps.ensure_within(session, organization_id, caps.RFQS_OPEN)


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
