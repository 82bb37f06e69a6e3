"""Clicks on sponsored results: the signed token a sponsored link carries, and whether a click is charged.

The token names the impression (one auction's showing of one ad), the keyword, listing, position and price, signed
so that none of it can be forged or edited. A click is charged at most once, and never when it is a repeat of the
same client's click on the same ad within REPEAT_WINDOW, comes from a known bot, from the advertiser's own members,
on an expired or forged token, or when the campaign, its budget or the balance cannot pay it."""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from app.core import clock
from app.core.security import sign, unsign
from app.models.enums import ClickVerdict

PURPOSE = "ad-click"
TOKEN_LIFETIME = timedelta(hours=1)
"""A results page older than this no longer charges its sponsored links (they still lead to the listing)."""
REPEAT_WINDOW = timedelta(minutes=10)
_BOTS = re.compile(r"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|curl/|wget/|python-requests|python-httpx|"
                   r"python-urllib|scrapy|go-http-client|java/", re.IGNORECASE)
"""Known crawlers and HTTP libraries: a person clicks with a browser."""


@dataclass(frozen=True)
class ClickToken:
    impression: str
    keyword_id: int
    keyword: str
    listing_id: int
    position: int
    price: Decimal

    def signed(self, secret: str) -> str:
        return sign(secret, PURPOSE, {"i": self.impression, "k": self.keyword_id, "w": self.keyword,
                                      "l": self.listing_id, "p": self.position, "c": str(self.price)})


@dataclass(frozen=True)
class OpenedToken:
    token: ClickToken
    expired: bool


def _parsed(data: dict[str, Any]) -> ClickToken | None:
    try:
        return ClickToken(str(data["i"]), int(data["k"]), str(data["w"]), int(data["l"]), int(data["p"]),
                          Decimal(str(data["c"])))
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


def opened(secret: str, value: str) -> OpenedToken | None:
    """The token's content, or None when it is forged, edited or malformed."""
    data = unsign(secret, PURPOSE, value, max_age=10 * 365 * 86400)
    token = _parsed(data) if data is not None else None
    if data is None or token is None:
        return None
    expired = clock.unix_time() - int(data.get("iat", 0)) > TOKEN_LIFETIME.total_seconds()
    return OpenedToken(token, expired)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or _BOTS.search(user_agent) is not None


def client_of(visitor: str | None, address: str, user_agent: str) -> str:
    """Who clicked, as a digest: the visitor cookie when there is one, else the address and user agent."""
    source = f"visitor:{visitor}" if visitor else f"address:{address}|{user_agent}"
    return hashlib.sha256(source.encode()).hexdigest()


@dataclass(frozen=True)
class ClickFacts:
    expired: bool
    bot: bool
    own_organization: bool
    repeat: bool
    campaign_running: bool
    budget_left: Decimal
    balance: Decimal


def verdict(facts: ClickFacts, price: Decimal) -> ClickVerdict:
    """The first reason not to charge, in the order an advertiser would ask about them; else charged."""
    reasons = [(facts.bot, ClickVerdict.BOT), (facts.own_organization, ClickVerdict.OWN_ORGANIZATION),
               (facts.expired, ClickVerdict.EXPIRED), (facts.repeat, ClickVerdict.REPEAT),
               (not facts.campaign_running, ClickVerdict.CAMPAIGN_STOPPED),
               (facts.budget_left < price, ClickVerdict.BUDGET_SPENT),
               (facts.balance < price, ClickVerdict.BALANCE_TOO_LOW)]
    return next((reason for found, reason in reasons if found), ClickVerdict.CHARGED)
