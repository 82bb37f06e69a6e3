"""Membership pages: plans and prices, my plan with usage and invoices, a printable invoice, the admin view."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from app.billing import service
from app.billing.schemas import ChangePlanInput, SubscribeInput
from app.http.deps import AppSettings, DbSession
from app.http.forms import ObjectId, filled, parse
from app.http.page_deps import CheckedForm, PageViewer, SignedInUser, csrf_checked_form
from app.http.pagination import Pagination
from app.http.templating import render

router = APIRouter()
BILLING = "/billing"


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
