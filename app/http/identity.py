"""The small interfaces through which the request plumbing learns who is asking and what the nav shows, without
importing a domain: the composition root (app.main) installs the accounts domain's identity, the notifications
domain's unread count and the fx domain's dated rates on the app."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from fastapi import FastAPI, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import SignedIn, Viewer, suspension
from app.core.currency import Pair
from app.core.errors import AppError
from app.models import Organization, User


class Identity(Protocol):
    async def from_token(self, session: AsyncSession, token: str) -> SignedIn | None:
        """The user of a live personal access token."""

    async def from_session(self, session: AsyncSession, user_id: int, version: str, key: str) -> SignedIn | None:
        """The user of a session cookie, when the cookie's version is still the user's and its session is live."""


class UnlessSuspended:
    """An identity whose suspended users are nobody from their next request on (app.auth.viewer.suspension): a
    browser's cookie then reads as signed out, so its pages lead to the login form, which says why; a token is
    refused with 403 account_suspended. Nothing is revoked, so reactivation restores both."""

    def __init__(self, identity: Identity) -> None:
        self._identity = identity

    async def from_token(self, session: AsyncSession, token: str) -> SignedIn | None:
        found = await self._identity.from_token(session, token)
        refusal = await _suspension(session, found)
        if refusal is not None:
            raise refusal
        return found

    async def from_session(self, session: AsyncSession, user_id: int, version: str, key: str) -> SignedIn | None:
        found = await self._identity.from_session(session, user_id, version, key)
        return None if await _suspension(session, found) else found


async def _suspension(session: AsyncSession, found: SignedIn | None) -> AppError | None:
    if found is None:
        return None
    # Both rows were just loaded by the identity: these come from the session's identity map, without a query.
    user = await session.get_one(User, found.viewer.user_id)
    return suspension(user, await session.get_one(Organization, found.viewer.organization_id))


UnreadCount = Callable[[AsyncSession, Viewer], Awaitable[int]]
# For every currency pair, the latest rate on or before a day, with its day (prices in the viewer's currency).
DatedRatesOf = Callable[[AsyncSession, date], Awaitable[Mapping[Pair, tuple[Decimal, date]]]]


@dataclass(frozen=True)
class RequestFacts:
    identity: Identity
    unread_count: UnreadCount
    dated_rates: DatedRatesOf


def install_request_facts(app: FastAPI, identity: Identity, unread_count: UnreadCount,
                          dated_rates: DatedRatesOf) -> None:
    app.state.request_facts = RequestFacts(UnlessSuspended(identity), unread_count, dated_rates)


def request_facts(request: Request) -> RequestFacts:
    facts: RequestFacts = request.app.state.request_facts
    return facts
