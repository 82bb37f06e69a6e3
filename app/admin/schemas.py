"""Pydantic input and output of the admin pages: the dashboard's figures, organisations and users with their
suspension, and the reason every suspension or reactivation must give."""

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from app.admin.service import Activity, LoggedAction, OrganizationDetail, OrganizationRow, Overview
from app.core.schemas import DecimalOut
from app.models import User
from app.models.enums import MemberRole, OrganizationRole

REASON_LENGTH = 2000
REASON_REQUIRED = "Give the reason: it is kept in the organisation's account log"


class PointOut(BaseModel):
    label: str
    value: int


class MoneyPointOut(BaseModel):
    label: str
    value: DecimalOut


class ActivityOut(BaseModel):
    """Each series oldest first, one point per day ("2026-11-30") or month ("2026-11"), zeros included."""

    listings: list[PointOut]
    rfqs: list[PointOut]
    quotes: list[PointOut]
    matches: list[PointOut]
    signups: list[PointOut]
    revenue: dict[str, list[MoneyPointOut]]  # by currency: totals of the invoices paid then


class BacklogOut(BaseModel):
    listings: int
    rfqs: int
    quotes: int


class TotalsOut(BaseModel):
    published_listings: int
    open_rfqs: int
    organizations: int
    users: int


class StatsOut(BaseModel):
    today: date
    days: ActivityOut
    months: ActivityOut
    backlog: BacklogOut
    totals: TotalsOut


def activity_out(activity: Activity) -> ActivityOut:
    counts = {series.key: [PointOut(label=label, value=value) for label, value in series.points]
              for series in activity.counts}
    revenue = {series.currency: [MoneyPointOut(label=label, value=value) for label, value in series.points]
               for series in activity.revenue}
    return ActivityOut.model_validate({**counts, "revenue": revenue})


def stats_out(today: date, days: Activity, months: Activity, overview: Overview) -> StatsOut:
    return StatsOut(today=today, days=activity_out(days), months=activity_out(months),
                    backlog=BacklogOut(**overview.backlog), totals=TotalsOut(**overview.totals))


class ReasonInput(BaseModel):
    """Why an organisation or user is suspended or reactivated: required for both, so every entry of the log says
    why."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reason: str = Field(default="", max_length=REASON_LENGTH, validate_default=True)

    @field_validator("reason")
    @classmethod
    def given(cls, value: str) -> str:
        if not value:
            raise PydanticCustomError("reason_required", REASON_REQUIRED)
        return value


class OrganizationRowOut(BaseModel):
    id: int
    name: str
    slug: str
    role: OrganizationRole
    country: str
    members: int
    plan: str | None
    suspended_at: datetime | None


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    organization_id: int
    member_role: MemberRole
    is_platform_admin: bool
    suspended_at: datetime | None


class AccountActionOut(BaseModel):
    id: int
    action: str  # suspend_organization, reactivate_organization, suspend_user or reactivate_user
    user_id: int | None  # the member it was about; null when about the organisation
    user_name: str | None
    reason: str
    admin_user_id: int | None
    admin_name: str
    created_at: datetime


class OrganizationDetailOut(OrganizationRowOut):
    users: list[MemberOut]  # the members, owners first
    log: list[AccountActionOut]  # newest first


def organization_row_out(row: OrganizationRow) -> OrganizationRowOut:
    organization = row.organization
    return OrganizationRowOut(id=organization.id, name=organization.name, slug=organization.slug,
                              role=organization.role, country=organization.country, members=row.members,
                              plan=row.plan, suspended_at=organization.suspended_at)


def action_out(logged: LoggedAction) -> AccountActionOut:
    entry = logged.entry
    return AccountActionOut(id=entry.id, action=entry.action, user_id=entry.user_id, user_name=logged.user_name,
                            reason=entry.reason, admin_user_id=entry.admin_user_id, admin_name=logged.admin_name,
                            created_at=entry.created_at)


def member_out(user: User) -> MemberOut:
    return MemberOut.model_validate(user)


def organization_detail_out(detail: OrganizationDetail) -> OrganizationDetailOut:
    fields: dict[str, Any] = organization_row_out(detail.row).model_dump()
    return OrganizationDetailOut(**fields, users=[member_out(user) for user in detail.members],
                                 log=[action_out(logged) for logged in detail.log])
