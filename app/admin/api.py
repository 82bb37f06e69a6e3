"""JSON API of the admin pages: the figures behind /admin, and organisations and users with their suspension."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.admin import service
from app.admin.schemas import (
    MemberOut,
    OrganizationDetailOut,
    OrganizationRowOut,
    ReasonInput,
    StatsOut,
    member_out,
    organization_detail_out,
    organization_row_out,
    stats_out,
)
from app.admin.service import AccountDecision
from app.core.clock import today
from app.core.schemas import PageOut, page_out
from app.http.deps import AdminViewer, DbSession
from app.http.ids import ObjectId, Slug
from app.http.pagination import Pagination

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])
Search = Annotated[str, Query(max_length=200, description="Part of the name or slug, or a country code")]


@router.get("/stats", response_model=StatsOut)
async def stats(session: DbSession, viewer: AdminViewer) -> StatsOut:
    """Activity per UTC day (last 30 days) and month (last 12), revenue per currency, the moderation backlog and
    totals now."""
    days = await service.activity(session, viewer, "day")
    months = await service.activity(session, viewer, "month")
    return stats_out(today(), days, months, await service.overview(session, viewer))


@router.get("/organizations", response_model=PageOut[OrganizationRowOut])
async def organizations(session: DbSession, viewer: AdminViewer, pagination: Pagination,
                        q: Search = "") -> PageOut[OrganizationRowOut]:
    """Every organisation by name, with its members, plan and suspension."""
    page = await service.organizations(session, viewer, q, pagination.page, pagination.per_page)
    return page_out(page, [organization_row_out(row) for row in page.items])


@router.get("/organizations/{slug}", response_model=OrganizationDetailOut)
async def organization(slug: Slug, session: DbSession, viewer: AdminViewer) -> OrganizationDetailOut:
    """One organisation with its members and its log of account actions (newest first)."""
    return organization_detail_out(await service.organization(session, viewer, slug))


async def _decided(session: DbSession, viewer: AdminViewer, slug: str, decision: AccountDecision,
                   data: ReasonInput) -> OrganizationDetailOut:
    await service.decide_organization(session, viewer, slug, decision, data.reason)
    return organization_detail_out(await service.organization(session, viewer, slug))


@router.post("/organizations/{slug}/suspend", response_model=OrganizationDetailOut)
async def suspend_organization(slug: Slug, data: ReasonInput, session: DbSession,
                               viewer: AdminViewer) -> OrganizationDetailOut:
    """Its members can no longer sign in (their sessions and tokens stop working), its store answers 404 and its
    listings and RFQs leave search. 409 already_suspended; 409 cannot_suspend_own_organization."""
    return await _decided(session, viewer, slug, AccountDecision.SUSPEND, data)


@router.post("/organizations/{slug}/reactivate", response_model=OrganizationDetailOut)
async def reactivate_organization(slug: Slug, data: ReasonInput, session: DbSession,
                                  viewer: AdminViewer) -> OrganizationDetailOut:
    """Restores what suspension took away (members suspended one by one stay suspended). 409 not_suspended."""
    return await _decided(session, viewer, slug, AccountDecision.REACTIVATE, data)


@router.post("/users/{user_id}/suspend", response_model=MemberOut)
async def suspend_user(user_id: ObjectId, data: ReasonInput, session: DbSession, viewer: AdminViewer) -> MemberOut:
    """The user can no longer sign in; their sessions and tokens stop working. 409 already_suspended;
    409 cannot_suspend_yourself."""
    return member_out(await service.decide_user(session, viewer, user_id, AccountDecision.SUSPEND, data.reason))


@router.post("/users/{user_id}/reactivate", response_model=MemberOut)
async def reactivate_user(user_id: ObjectId, data: ReasonInput, session: DbSession, viewer: AdminViewer) -> MemberOut:
    """409 not_suspended."""
    return member_out(await service.decide_user(session, viewer, user_id, AccountDecision.REACTIVATE, data.reason))
