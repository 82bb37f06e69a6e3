"""The admin dashboard's figures: activity per UTC day (last 30 days, today included) or month (last 12), with
the days and months without activity as zeros; revenue per currency; the moderation backlog and totals now. And
the management of organisations and users: suspension and reactivation, each with its reason in the log."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.admin import repository
from app.admin.repository import Period
from app.auth.viewer import Viewer, require_admin
from app.background.outbox import record_change
from app.core.clock import day_start, today, utcnow
from app.core.errors import conflict, not_found
from app.core.i18n import N_
from app.core.repository import Page, get_or_404
from app.models import AccountAction, AlertDelivery, Listing, Organization, Quote, Rfq, User
from app.models.enums import EntityType, ListingStatus, QuoteStatus, RfqStatus
from membership.money import round_money
from membership.tiers import current_tiers

DAYS, MONTHS = 30, 12
# What is counted per period: key, name on the page, the moment that counts. Matches are the match alerts delivered
# (an organisation told of a matching RFQ, listing or saved search: one durable row per organisation and event).
COUNTED: tuple[tuple[str, str, Any], ...] = (
    ("listings", N_("New listings"), Listing.created_at),
    ("rfqs", N_("New RFQs"), Rfq.created_at),
    ("quotes", N_("Quotes submitted"), Quote.created_at),
    ("matches", N_("Match alerts"), AlertDelivery.created_at),
    ("signups", N_("Sign-ups"), User.created_at),
)


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    points: list[tuple[str, int]]


@dataclass(frozen=True)
class MoneySeries:
    currency: str
    points: list[tuple[str, Decimal]]


@dataclass(frozen=True)
class Activity:
    period: Period
    counts: list[Series]
    revenue: list[MoneySeries]  # one per currency paid in, by currency code


@dataclass(frozen=True)
class Overview:
    backlog: dict[str, int]  # listings, rfqs, quotes waiting for review
    totals: dict[str, int]  # published listings, open RFQs, organisations, users


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def labels(period: Period, now: date) -> list[str]:
    """The days ("2026-11-30") or months ("2026-11") shown, oldest first, ending with `now`'s."""
    if period == "day":
        return [(now - timedelta(days=back)).isoformat() for back in range(DAYS - 1, -1, -1)]
    return [_months_back(now, back).isoformat()[:7] for back in range(MONTHS - 1, -1, -1)]


def first_moment(period: Period, now: date) -> datetime:
    return day_start(now - timedelta(days=DAYS - 1) if period == "day" else _months_back(now, MONTHS - 1))


async def activity(session: AsyncSession, viewer: Viewer | None, period: Period) -> Activity:
    require_admin(viewer)
    now = today()
    shown, since = labels(period, now), first_moment(period, now)
    counts = [Series(key, name, _filled(await repository.counts_by(session, column, period, since), shown))
              for key, name, column in COUNTED]
    revenue = await repository.revenue_by(session, period, since)
    return Activity(period, counts, [_money_series(currency, revenue[currency], shown) for currency in sorted(revenue)])


def _filled(found: dict[str, int], shown: list[str]) -> list[tuple[str, int]]:
    return [(label, found.get(label, 0)) for label in shown]


def _money_series(currency: str, found: dict[str, Decimal], shown: list[str]) -> MoneySeries:
    zero = Decimal(0)
    return MoneySeries(currency, [(label, round_money(found.get(label, zero), currency)) for label in shown])


async def overview(session: AsyncSession, viewer: Viewer | None) -> Overview:
    require_admin(viewer)
    backlog = {"listings": await repository.count(session, Listing, Listing.status == ListingStatus.PENDING_REVIEW),
               "rfqs": await repository.count(session, Rfq, Rfq.status == RfqStatus.PENDING_REVIEW),
               "quotes": await repository.count(session, Quote, Quote.status == QuoteStatus.PENDING_REVIEW)}
    totals = {"published_listings": await repository.count(session, Listing,
                                                           Listing.status == ListingStatus.PUBLISHED),
              "open_rfqs": await repository.count(session, Rfq, Rfq.status == RfqStatus.OPEN),
              "organizations": await repository.count(session, Organization),
              "users": await repository.count(session, User)}
    return Overview(backlog, totals)


# Organisations and users: the list, one organisation's page, and suspension with a reason in the log.

LOG_SHOWN = 100  # the latest account actions shown on an organisation's page
ORGANIZATION, USER = "_organization", "_user"  # what an action of the log is about: suspend_organization, ...


class AccountDecision(StrEnum):
    SUSPEND = "suspend"
    REACTIVATE = "reactivate"


@dataclass(frozen=True)
class OrganizationRow:
    organization: Organization
    members: int
    plan: str | None  # the current tier's name


@dataclass(frozen=True)
class LoggedAction:
    entry: AccountAction
    admin_name: str
    user_name: str | None  # the member the decision was about; None when it was about the organisation


@dataclass(frozen=True)
class OrganizationDetail:
    row: OrganizationRow
    members: list[User]
    log: list[LoggedAction]


async def _rows(session: AsyncSession, organizations: list[Organization]) -> list[OrganizationRow]:
    ids = [organization.id for organization in organizations]
    counts = await repository.member_counts(session, ids)
    tiers = await current_tiers(session, ids)
    return [OrganizationRow(organization, counts[organization.id],
                            tier.name if (tier := tiers[organization.id]) else None) for organization in organizations]


async def organizations(session: AsyncSession, viewer: Viewer | None, q: str, page: int,
                        per_page: int) -> Page[OrganizationRow]:
    require_admin(viewer)
    found = await repository.organizations_page(session, q.strip(), page, per_page)
    return Page(await _rows(session, found.items), found.total, found.page, found.per_page)


async def _organization(session: AsyncSession, slug: str) -> Organization:
    organization = await repository.organization_by_slug(session, slug)
    if organization is None:
        raise not_found("Organization")
    return organization


async def _log(session: AsyncSession, organization_id: int) -> list[LoggedAction]:
    entries = await repository.account_actions(session, organization_id, LOG_SHOWN)
    named = {entry.admin_user_id for entry in entries} | {entry.user_id for entry in entries}
    names = await repository.user_names(session, {user_id for user_id in named if user_id is not None})
    return [LoggedAction(entry, names.get(entry.admin_user_id or 0, "deleted user"),
                         names.get(entry.user_id or 0, "deleted user") if entry.action.endswith(USER) else None)
            for entry in entries]


async def organization(session: AsyncSession, viewer: Viewer | None, slug: str) -> OrganizationDetail:
    require_admin(viewer)
    found = await _organization(session, slug)
    row = (await _rows(session, [found]))[0]
    return OrganizationDetail(row, await repository.members(session, found.id), await _log(session, found.id))


def _logged(session: AsyncSession, viewer: Viewer, decision: AccountDecision, organization_id: int,
            user_id: int | None, reason: str) -> None:
    """The log's entry: its action names what was decided about ("suspend_user"), which stays readable when the
    user is deleted later (user_id is then null)."""
    action = decision.value + (ORGANIZATION if user_id is None else USER)
    session.add(AccountAction(organization_id=organization_id, user_id=user_id, action=action, reason=reason,
                              admin_user_id=viewer.user_id, created_at=utcnow()))


async def _decide(session: AsyncSession, model: type[Organization] | type[User], row_id: int,
                  decision: AccountDecision) -> None:
    """Suspends or reactivates, or 409 when it is so already."""
    suspend = decision is AccountDecision.SUSPEND
    if not await repository.set_suspended(session, model, row_id, utcnow() if suspend else None):
        what = "organisation" if model is Organization else "user"
        if suspend:
            raise conflict(f"This {what} is suspended already", code="already_suspended")
        raise conflict(f"This {what} is not suspended", code="not_suspended")


async def decide_organization(session: AsyncSession, viewer: Viewer | None, slug: str, decision: AccountDecision,
                              reason: str) -> Organization:
    """Suspends or reactivates an organisation: its members cannot sign in or use their sessions and tokens, its
    store is gone, and its listings, RFQs and supplier document leave the search index (the outbox row makes the
    indexer rebuild them all); reactivation restores all of it. Logged with the reason."""
    admin = require_admin(viewer)
    found = await _organization(session, slug)
    if decision is AccountDecision.SUSPEND and admin.belongs_to(found.id):
        raise conflict("You cannot suspend your own organisation", code="cannot_suspend_own_organization")
    await _decide(session, Organization, found.id, decision)
    _logged(session, admin, decision, found.id, None, reason)
    record_change(session, EntityType.ORGANIZATION, found.id)
    await session.flush()
    return found


async def decide_user(session: AsyncSession, viewer: Viewer | None, user_id: int, decision: AccountDecision,
                      reason: str) -> User:
    """Suspends or reactivates one user (whatever their organisation's state, which stays as it is). Logged."""
    admin = require_admin(viewer)
    user = await get_or_404(session, User, user_id, "User")
    if decision is AccountDecision.SUSPEND and user.id == admin.user_id:
        raise conflict("You cannot suspend yourself", code="cannot_suspend_yourself")
    await _decide(session, User, user.id, decision)
    _logged(session, admin, decision, user.organization_id, user.id, reason)
    await session.flush()
    return user
