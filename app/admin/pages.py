"""The admin pages. The dashboard: tiles of totals and the moderation backlog, then a bar chart (SVG, no script)
per series for the last 30 days or 12 months, each with its figures in a table beside it. Organisations: a searchable
list, and one organisation's page with its members, its log of account actions and the CSRF-checked forms that
suspend or reactivate it or one of its members, each with a reason."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.admin import service
from app.admin.charts import Point, Value, bar_chart, count_text, money_text
from app.admin.repository import Period
from app.admin.schemas import ReasonInput
from app.admin.service import AccountDecision
from app.ads import service as ads
from app.ads.schemas import AdjustmentIn
from app.auth.viewer import Viewer, require_admin
from app.core.errors import AppError, not_found
from app.core.i18n import N_
from app.http import locale
from app.http.deps import DbSession
from app.http.forms import ObjectId, filled, parse, refused
from app.http.ids import Slug
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.templating import render

router = APIRouter()
ORGANIZATIONS = "/admin/organizations"
PER_PAGE = 25
DONE = {  # the notice after a decision, by the `done` flag of the redirect
    "suspended": N_("The organisation is suspended."), "reactivated": N_("The organisation is reactivated."),
    "user-suspended": N_("The user is suspended."), "user-reactivated": N_("The user is reactivated."),
    "ad-adjusted": N_("The ad balance is adjusted."),
}
Done = Annotated[str | None, Query(max_length=20)]
AD_ADJUSTMENT = "ad-adjustment"  # the form's name, for its messages
ACTION_WORDS = (N_("suspend"), N_("reactivate"))  # the account log's actions, translated where the page shows them
PAST = {AccountDecision.SUSPEND: "suspended", AccountDecision.REACTIVATE: "reactivated"}
SPANS: dict[Period, str] = {"day": N_("%(name)s per day, last 30 days"),
                            "month": N_("%(name)s per month, last 12 months")}


@dataclass(frozen=True)
class Chart:
    name: str  # of the series: "New listings", "Revenue (USD)"
    title: str
    svg: Markup
    rows: list[tuple[str, str]]  # (day or month, value as shown)


def chart(name: str, period: Period, points: Sequence[Point], show: Callable[[Value], str] = count_text) -> Chart:
    """In the page's language (the page activates it before its charts are drawn)."""
    name = locale.gettext(name)
    title = locale.gettext(SPANS[period]) % {"name": name}
    return Chart(name, title, bar_chart(title, points, show), [(label, show(value)) for label, value in points])


def charts(activity: service.Activity) -> list[Chart]:
    counted = [chart(series.name, activity.period, series.points) for series in activity.counts]
    return counted + [chart(locale.gettext(N_("Revenue (%(currency)s)")) % {"currency": series.currency},
                            activity.period, series.points, money_text) for series in activity.revenue]


@router.get("/admin", response_class=HTMLResponse)
async def dashboard(request: Request, session: DbSession, user: SignedInUser,
                    period: Annotated[Period, Query()] = "day") -> HTMLResponse:
    viewer = require_admin(user.viewer)
    locale.activate(request)  # the charts' names are written before render() would pick the language
    activity = await service.activity(session, viewer, period)
    context: dict[str, Any] = {"overview": await service.overview(session, viewer), "period": period,
                               "charts": charts(activity), "paid": bool(activity.revenue)}
    return render(request, "admin/dashboard.html", context)


@router.get(ORGANIZATIONS, response_class=HTMLResponse)
async def organizations_page(request: Request, session: DbSession, user: SignedInUser,
                             q: Annotated[str, Query(max_length=200)] = "",
                             page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    found = await service.organizations(session, user.viewer, q, page, PER_PAGE)
    return render(request, "admin/organizations.html", {"page": found, "rows": found.items, "q": q.strip()})


async def _organization_context(session: AsyncSession, viewer: Viewer, slug: str) -> dict[str, Any]:
    detail = await service.organization(session, viewer, slug)
    organization = detail.row.organization
    balance = await ads.balance_of(session, organization.id) if organization.role.sells else None
    return {"detail": detail, "organization": organization, "values": {}, "failed": None, "ad_balance": balance}


@router.get(ORGANIZATIONS + "/{slug}", response_class=HTMLResponse)
async def organization_page(request: Request, slug: Slug, session: DbSession, user: SignedInUser,
                            done: Done = None) -> HTMLResponse:
    context = await _organization_context(session, user.viewer, slug)
    return render(request, "admin/organization.html", {**context, "notice": DONE.get(done or "")})


async def _refused_form(request: Request, session: AsyncSession, viewer: Viewer, slug: str, failed: str,
                        error: AppError, values: dict[str, str]) -> HTMLResponse:
    """The organisation's page again, with the message beside the reason of the form that failed (`failed`)."""
    refusal = await refused(session, error, values)
    context = {**await _organization_context(session, viewer, slug), **refusal, "failed": failed}
    return render(request, "admin/organization.html", context, status_code=error.status)


def _done(slug: str, flag: str) -> RedirectResponse:
    return RedirectResponse(f"{ORGANIZATIONS}/{quote(slug)}?done={flag}", status_code=303)


async def _decide_organization(request: Request, slug: str, decision: AccountDecision, form: FormData,
                               session: AsyncSession, user: PageUser) -> Response:
    viewer = require_admin(user.viewer)
    values = filled(form, ("reason",))
    try:
        data = parse(ReasonInput, values)
        await service.decide_organization(session, viewer, slug, decision, data.reason)
    except AppError as error:
        return await _refused_form(request, session, viewer, slug, "organization", error, values)
    return _done(slug, PAST[decision])


async def _decide_user(request: Request, slug: str, user_id: int, decision: AccountDecision, form: FormData,
                       session: AsyncSession, user: PageUser) -> Response:
    """A member's form, on their organisation's page: a user of another organisation is not found here."""
    viewer = require_admin(user.viewer)
    detail = await service.organization(session, viewer, slug)
    if all(member.id != user_id for member in detail.members):
        raise not_found("User")
    values = filled(form, ("reason",))
    try:
        data = parse(ReasonInput, values)
        await service.decide_user(session, viewer, user_id, decision, data.reason)
    except AppError as error:
        return await _refused_form(request, session, viewer, slug, f"user-{user_id}", error, values)
    return _done(slug, f"user-{PAST[decision]}")


@router.post(ORGANIZATIONS + "/{slug}/ad-adjustments")
async def adjust_ad_balance(request: Request, slug: Slug, form: CheckedForm, session: DbSession,
                            user: SignedInUser) -> Response:
    """A credit or debit of the organisation's ad balance, with its reason (never below zero)."""
    viewer = require_admin(user.viewer)
    organization = (await service.organization(session, viewer, slug)).row.organization
    values = filled(form, ("amount", "reason"))
    try:
        data = parse(AdjustmentIn, {**values, "organization_id": str(organization.id)})
        await ads.adjust(session, viewer, data)
    except AppError as error:
        return await _refused_form(request, session, viewer, slug, AD_ADJUSTMENT, error, values)
    return _done(slug, "ad-adjusted")


@router.post(ORGANIZATIONS + "/{slug}/suspend")
async def suspend_organization(request: Request, slug: Slug, form: CheckedForm, session: DbSession,
                               user: SignedInUser) -> Response:
    return await _decide_organization(request, slug, AccountDecision.SUSPEND, form, session, user)


@router.post(ORGANIZATIONS + "/{slug}/reactivate")
async def reactivate_organization(request: Request, slug: Slug, form: CheckedForm, session: DbSession,
                                  user: SignedInUser) -> Response:
    return await _decide_organization(request, slug, AccountDecision.REACTIVATE, form, session, user)


@router.post(ORGANIZATIONS + "/{slug}/users/{user_id}/suspend")
async def suspend_user(request: Request, slug: Slug, user_id: ObjectId, form: CheckedForm, session: DbSession,
                       user: SignedInUser) -> Response:
    return await _decide_user(request, slug, user_id, AccountDecision.SUSPEND, form, session, user)


@router.post(ORGANIZATIONS + "/{slug}/users/{user_id}/reactivate")
async def reactivate_user(request: Request, slug: Slug, user_id: ObjectId, form: CheckedForm, session: DbSession,
                          user: SignedInUser) -> Response:
    return await _decide_user(request, slug, user_id, AccountDecision.REACTIVATE, form, session, user)
