"""Membership pages: plans and prices, my plan with usage and invoices, a printable invoice, the admin view, and
the admin pages that edit plans and mark open invoices paid or void (through the service functions the JSON API
uses: a refused form is shown again with the API's message by the field, nothing stored)."""

from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.auth.viewer import Viewer, require_admin
from app.billing import service
from app.billing.schemas import ChangePlanInput, MarkPaidInput, SubscribeInput, TierOut, TierUpdate
from app.core.clock import utcnow
from app.core.errors import AppError
from app.core.schemas import as_validation_failed, plain_decimal
from app.http.deps import AppSettings, DbSession
from app.http.forms import ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, PageViewer, SignedInUser, csrf_checked_form
from app.http.pagination import PageParams, Pagination
from app.http.templating import render
from app.models import Tier

router = APIRouter()
BILLING = "/billing"
ADMIN_PLANS = "/admin/plans"
ADMIN_INVOICES = "/admin/invoices"
TierCode = Annotated[str, Path(max_length=32)]
Saved = Annotated[str | None, Query(max_length=32)]  # the tier just saved, for the notice after the redirect
Done = Annotated[str | None, Query(max_length=20)]  # what the last invoice action did, for the notice
# The tier form holds every field of the PATCH API's TierUpdate: the ticked boxes, and text fields where a blank one
# is sent as null (unlimited for a limit; refused by the service where the tier needs a value).
TIER_SWITCHES = ("contact_details_visible", "keyword_bidding")
TIER_TEXTS = tuple(name for name in TierUpdate.model_fields if name not in TIER_SWITCHES)


def _back() -> RedirectResponse:
    return RedirectResponse(BILLING, status_code=303)


@router.get("/plans", response_class=HTMLResponse)
async def plans(request: Request, session: DbSession, settings: AppSettings, viewer: PageViewer) -> HTMLResponse:
    membership = await service.membership(session, settings, viewer) if viewer else None
    return render(request, "billing/plans.html", {"table": await service.plan_table(session, viewer),
                                                  "membership": membership})


@router.get(BILLING, response_class=HTMLResponse)
async def my_billing(request: Request, session: DbSession, settings: AppSettings, user: SignedInUser,
                     pagination: Pagination) -> HTMLResponse:
    membership = await service.membership(session, settings, user.viewer)
    invoices = await service.my_invoices(session, user.viewer, pagination.page, pagination.per_page)
    return render(request, "billing/mine.html", {"membership": membership, "invoices": invoices})


@router.post("/billing/subscribe")
async def subscribe(form: CheckedForm, session: DbSession, settings: AppSettings,
                    user: SignedInUser) -> RedirectResponse:
    data = parse(SubscribeInput, filled(form, ("tier", "interval")))
    await service.subscribe(session, settings, user.viewer, data)
    return _back()


@router.post("/billing/change")
async def change(form: CheckedForm, session: DbSession, settings: AppSettings, user: SignedInUser,
                 ) -> RedirectResponse:
    await service.change_plan(session, settings, user.viewer, parse(ChangePlanInput, filled(form, ("tier",))))
    return _back()


@router.post("/billing/cancel")
async def cancel(_form: CheckedForm, session: DbSession, settings: AppSettings, user: SignedInUser,
                 ) -> RedirectResponse:
    await service.cancel(session, settings, user.viewer)
    return _back()


@router.get("/billing/invoices/{invoice_id}", response_class=HTMLResponse)
async def invoice(request: Request, invoice_id: ObjectId, session: DbSession, settings: AppSettings,
                  user: SignedInUser) -> HTMLResponse:
    found = await service.get_invoice(session, user.viewer, invoice_id)
    return render(request, "billing/invoice.html", {"invoice": await service.invoice_out(session, settings, found),
                                                    "issuer": settings.invoice_issuer})


@router.get("/admin/billing", response_class=HTMLResponse)
async def admin_billing(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                        ) -> HTMLResponse:
    page, subscriptions = await service.admin_subscriptions(session, user.viewer, pagination.page,
                                                            pagination.per_page)
    revenue = await service.revenue(session, user.viewer)
    return render(request, "billing/admin.html", {"page": page, "subscriptions": subscriptions,
                                                  "revenue": revenue,
                                                  "refunds": await service.refunds_to_make(session, user.viewer)})


@router.post("/admin/billing/refunds-due/{refund_id}/refunded", dependencies=[Depends(csrf_checked_form)])
async def record_refund(refund_id: ObjectId, session: DbSession, user: SignedInUser) -> RedirectResponse:
    await service.record_refund(session, user.viewer, refund_id)
    return RedirectResponse("/admin/billing", status_code=303)


def _typed(form: FormData) -> dict[str, str]:
    """The tier form as typed, blank fields included (shown again as they were when the form is refused)."""
    values = {name: value.strip() if isinstance(value := form.get(name), str) else "" for name in TIER_TEXTS}
    return {**values, **{name: "true" if name in form else "" for name in TIER_SWITCHES}}


def _tier_update(values: dict[str, str]) -> TierUpdate:
    """The whole form as the PATCH API's body, parsed by its schema: blank is null, an unticked box false."""
    data: dict[str, str | bool | None] = {name: values[name] or None for name in TIER_TEXTS}
    data.update({name: bool(values[name]) for name in TIER_SWITCHES})
    try:
        return TierUpdate.model_validate(data)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


def _shown(value: object) -> str:
    """A stored tier value as its form field holds it: none is blank, a decimal without trailing zeros."""
    if value is None or value is False:
        return ""
    if value is True:
        return "true"
    return plain_decimal(value) if isinstance(value, Decimal) else str(value)


def _tier_form(tier: Tier) -> dict[str, Any]:
    return {"tier": TierOut.model_validate(tier),
            "values": {name: _shown(getattr(tier, name)) for name in TierUpdate.model_fields}}


@router.get(ADMIN_PLANS, response_class=HTMLResponse)
async def admin_plans(request: Request, session: DbSession, user: SignedInUser, saved: Saved = None,
                      ) -> HTMLResponse:
    require_admin(user.viewer)
    plans = await service.plans(session)
    return render(request, "billing/admin_plans.html",
                  {"plans": plans, "saved": next((plan for plan in plans if plan.code == saved), None)})


@router.get(ADMIN_PLANS + "/{code}", response_class=HTMLResponse)
async def admin_plan(request: Request, code: TierCode, session: DbSession, user: SignedInUser) -> HTMLResponse:
    return render(request, "billing/admin_plan.html", _tier_form(await service.admin_tier(session, user.viewer,
                                                                                          code)))


@router.post(ADMIN_PLANS + "/{code}")
async def edit_plan(request: Request, code: TierCode, form: CheckedForm, session: DbSession, user: SignedInUser,
                    ) -> Response:
    viewer = require_admin(user.viewer)
    values = _typed(form)
    try:
        await service.update_tier(session, viewer, code, _tier_update(values))
    except AppError as error:
        refusal = await refused(session, error, values)
        tier = TierOut.model_validate(await service.admin_tier(session, viewer, code))
        return render(request, "billing/admin_plan.html", {**refusal, "tier": tier}, status_code=error.status)
    return RedirectResponse(f"{ADMIN_PLANS}?{urlencode({'saved': code})}", status_code=303)


async def _invoices(session: AsyncSession, viewer: Viewer, pagination: PageParams) -> dict[str, Any]:
    page = await service.admin_open_invoices(session, viewer, pagination.page, pagination.per_page)
    return {"page": page, "rows": page.items, "today": utcnow().date(), "values": {}}


@router.get(ADMIN_INVOICES, response_class=HTMLResponse)
async def admin_invoices(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                         done: Done = None) -> HTMLResponse:
    context = await _invoices(session, require_admin(user.viewer), pagination)
    return render(request, "billing/admin_invoices.html", {**context, "done": done})


async def _refused_invoice(request: Request, session: AsyncSession, viewer: Viewer, invoice_id: int,
                           error: AppError, values: dict[str, str]) -> HTMLResponse:
    refusal = await refused(session, error, values)  # rolls back first: the list is read after it
    context = {**await _invoices(session, viewer, PageParams(page=1, per_page=20)), **refusal, "failed": invoice_id}
    return render(request, "billing/admin_invoices.html", context, status_code=error.status)


@router.post(ADMIN_INVOICES + "/{invoice_id}/mark-paid")
async def mark_invoice_paid(request: Request, invoice_id: ObjectId, form: CheckedForm, session: DbSession,
                            user: SignedInUser) -> Response:
    viewer = require_admin(user.viewer)
    values = filled(form, ("reference",))
    try:
        await service.mark_paid(session, viewer, invoice_id, parse(MarkPaidInput, values).reference)
    except AppError as error:
        return await _refused_invoice(request, session, viewer, invoice_id, error, values)
    return RedirectResponse(ADMIN_INVOICES + "?done=paid", status_code=303)


@router.post(ADMIN_INVOICES + "/{invoice_id}/void")
async def void_invoice(request: Request, invoice_id: ObjectId, _form: CheckedForm, session: DbSession,
                       user: SignedInUser) -> Response:
    viewer = require_admin(user.viewer)
    try:
        await service.void_invoice(session, viewer, invoice_id)
    except AppError as error:
        return await _refused_invoice(request, session, viewer, invoice_id, error, {})
    return RedirectResponse(ADMIN_INVOICES + "?done=void", status_code=303)
