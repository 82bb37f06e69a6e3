"""The one entitlement policy: may this organization do this action now?

The tier-aware implementation arrives with the membership issue; until then every action is allowed. Services call
`ensure_allowed` at exactly one place per protected action, so that policy plugs in without touching them.
"""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import AppError


class Action(StrEnum):
    PUBLISH_LISTING = "publish_listing"
    POST_RFQ = "post_rfq"
    SUBMIT_QUOTE = "submit_quote"
    VIEW_BUYER_CONTACT = "view_buyer_contact"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | None = None


async def decide(session: AsyncSession, organization_id: int, action: Action) -> Decision:
    return Decision(allowed=True)


async def ensure_allowed(session: AsyncSession, organization_id: int, action: Action) -> None:
    decision = await decide(session, organization_id, action)
    if not decision.allowed:
        raise AppError(decision.reason or "Not allowed by your plan", code="entitlement_denied", status=403,
                       title="Not included in your plan")
