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

from app.auth.viewer import SignedIn, Viewer
from app.core.currency import Pair


class Identity(Protocol):
    async def from_token(self, session: AsyncSession, token: str) -> SignedIn | None:
        """The user of a live personal access token."""

    async def from_session(self, session: AsyncSession, user_id: int, version: str, key: str) -> SignedIn | None:
        """The user of a session cookie, when the cookie's version is still the user's and its session is live."""


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
    app.state.request_facts = RequestFacts(identity, unread_count, dated_rates)


def request_facts(request: Request) -> RequestFacts:
    facts: RequestFacts = request.app.state.request_facts
    return facts
