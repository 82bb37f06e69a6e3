"""When a supplier's verification counts, what a request must state, and when its holder is told it runs out.

A verification counts from its approval until its expiry day, judged on the day it is read: on the day it expires
its badge is gone, whether or not a job has run. Its holder is reminded REMINDER_DAYS before. Pure rules over plain
values; the verifications domain stores the requests and asks these rules."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_
from sqlalchemy.orm import QueryableAttribute

from app.core import clock
from app.core.i18n import N_
from app.models.enums import VerificationKind

KIND_LABELS = {
    VerificationKind.BUSINESS_LICENCE: N_("Business licence"),
    VerificationKind.ONSITE_AUDIT: N_("On-site audit"),
    VerificationKind.MANAGEMENT_SYSTEM: N_("Management-system certificate"),
    VerificationKind.PRODUCT_CERTIFICATE: N_("Product certificate"),
    VerificationKind.EXPORT_LICENCE: N_("Export licence"),
}
"""What each kind of verification is called (translated where shown)."""
REMINDER_DAYS = (30, 7)
"""Reminders before expiry, the earliest first: one each, however many days the daily job missed."""
LONGEST_VALIDITY_YEARS = 10


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    code: str


def is_live(approved: bool, expires_on: date, today: date) -> bool:
    return approved and today < expires_on


def verified_until(expiries: Iterable[date]) -> date | None:
    """The day the organisation stops counting as verified: the latest expiry of its approved verifications."""
    return max(expiries, default=None)


def counts_as_verified(until: date | None, today: date) -> bool:
    return until is not None and today < until


def verified_today(until: date | None) -> bool:
    """counts_as_verified on the service's today: for an organisation's verified_until, where it is read."""
    return counts_as_verified(until, clock.today())


def verified_clause(until: QueryableAttribute[date | None], today: date) -> ColumnElement[bool]:
    """counts_as_verified in SQL: true or false, never null (PostgreSQL sorts a null first in descending order)."""
    return and_(until.is_not(None), until > today)


def reminder_due(expires_on: date, today: date, sent: int) -> int | None:
    """The reminder to send today (its days before expiry), given how many were sent: None when none is due."""
    left = (expires_on - today).days
    if left <= 0:
        return None
    reached = [days for days in REMINDER_DAYS if left <= days]
    return min(reached) if len(reached) > sent else None


def request_problems(issued_on: date, expires_on: date, today: date, *, needs_standard: bool,
                     standard: str) -> list[Problem]:
    """What is wrong with a request's facts: a certificate issued in the future, one that has expired already or
    ends before it starts, an implausible validity, a certificate without the standard it certifies."""
    problems = []
    if issued_on > today:
        problems.append(Problem("issued_on", "The issue date cannot be in the future", "issued_in_future"))
    if expires_on <= today:
        problems.append(Problem("expires_on", "This certificate has expired: send a current one", "expired"))
    elif expires_on <= issued_on:
        problems.append(Problem("expires_on", "The expiry date must come after the issue date", "ends_before_start"))
    elif expires_on.year - issued_on.year > LONGEST_VALIDITY_YEARS:
        problems.append(Problem("expires_on", f"A certificate valid for more than {LONGEST_VALIDITY_YEARS} years is "
                                              "not plausible: check the dates", "implausible_validity"))
    if needs_standard and not standard.strip():
        problems.append(Problem("standard", "Name the standard it certifies (for example ISO 9001 or CE)",
                                "standard_required"))
    return problems
