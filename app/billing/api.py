"""JSON API of plans, the organization's subscription, invoices, the card-gateway webhook and the admin view."""

from typing import Annotated

from fastapi import APIRouter, Path, Request

from app.billing import service
from app.billing.schemas import (
    AdminRefundOut,
    AdminSubscriptionOut,
    ChangeOut,
    ChangePlanInput,
    InvoiceOut,
    InvoiceSummaryOut,
    MarkPaidInput,
    MembershipOut,
    PlanTableOut,
    RefundDueOut,
    RevenueOut,
    SubscribeInput,
    TierOut,
    TierUpdate,
    WebhookOut,
)
from app.core.schemas import PageOut, page_out
from app.http.deps import AdminViewer, AppSettings, DbSession, OptionalViewer, RequiredViewer
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from membership.providers.card_gateway import SIGNATURE_HEADER

router = APIRouter(prefix="/api/v1/billing", tags=["billing"])
InvoiceId = Annotated[int, Path(ge=1, le=2_147_483_647)]
TierCodePath = Annotated[str, Path(max_length=32)]


@router.get("/plans", response_model=list[TierOut])
async def list_plans(session: DbSession) -> list[TierOut]:
    return await service.plans(session)


@router.get("/plan-limits", response_model=PlanTableOut)
async def plan_limits(session: DbSession, viewer: OptionalViewer) -> PlanTableOut:
    """What /plans shows: every limit for every plan, in the policy's words."""
    return await service.plan_table(session, viewer)


@router.patch("/plans/{code}", response_model=TierOut)
async def update_plan(code: TierCodePath, data: TierUpdate, session: DbSession, viewer: AdminViewer) -> TierOut:
    return TierOut.model_validate(await service.update_tier(session, viewer, code, data))


@router.get("/membership", response_model=MembershipOut)
async def my_membership(session: DbSession, settings: AppSettings, viewer: OptionalViewer) -> MembershipOut:
    return await service.membership(session, settings, viewer)


@router.post("/subscription", status_code=201, response_model=ChangeOut)
async def subscribe(data: SubscribeInput, session: DbSession, settings: AppSettings,
                    viewer: RequiredViewer) -> ChangeOut:
    return await service.subscribe(session, settings, viewer, data)


@router.post("/subscription/change", response_model=ChangeOut)
async def change_plan(data: ChangePlanInput, session: DbSession, settings: AppSettings,
                      viewer: RequiredViewer) -> ChangeOut:
    return await service.change_plan(session, settings, viewer, data)


@router.post("/subscription/cancel", response_model=ChangeOut)
async def cancel(session: DbSession, settings: AppSettings, viewer: RequiredViewer) -> ChangeOut:
    return await service.cancel(session, settings, viewer)


@router.get("/invoices", response_model=PageOut[InvoiceSummaryOut])
async def my_invoices(session: DbSession, viewer: OptionalViewer, pagination: Pagination,
                      ) -> PageOut[InvoiceSummaryOut]:
    page = await service.my_invoices(session, viewer, pagination.page, pagination.per_page)
    return page_out(page, [InvoiceSummaryOut.model_validate(invoice) for invoice in page.items])


@router.get("/invoices/{invoice_id}", response_model=InvoiceOut)
async def get_invoice(invoice_id: InvoiceId, session: DbSession, settings: AppSettings,
                      viewer: OptionalViewer) -> InvoiceOut:
    return await service.invoice_out(session, settings, await service.get_invoice(session, viewer, invoice_id))


@router.post("/invoices/{invoice_id}/mark-paid", response_model=InvoiceOut)
async def mark_paid(invoice_id: InvoiceId, data: MarkPaidInput, session: DbSession, settings: AppSettings,
                    viewer: AdminViewer) -> InvoiceOut:
    invoice = await service.mark_paid(session, viewer, invoice_id, data.reference)
    return await service.invoice_out(session, settings, invoice)


@router.post("/invoices/{invoice_id}/void", response_model=InvoiceOut)
async def void_invoice(invoice_id: InvoiceId, session: DbSession, settings: AppSettings,
                       viewer: AdminViewer) -> InvoiceOut:
    invoice = await service.void_invoice(session, viewer, invoice_id)
    return await service.invoice_out(session, settings, invoice)


@router.post("/webhooks/card-gateway", response_model=WebhookOut)
async def card_gateway_webhook(request: Request, session: DbSession, settings: AppSettings) -> WebhookOut:
    body = await request.body()
    event_id, outcome = await service.receive_card_webhook(session, settings,
                                                           request.headers.get(SIGNATURE_HEADER), body)
    return WebhookOut(event_id=event_id, outcome=outcome)


@router.get("/admin/subscriptions", response_model=PageOut[AdminSubscriptionOut])
async def admin_subscriptions(session: DbSession, viewer: OptionalViewer, pagination: Pagination,
                              ) -> PageOut[AdminSubscriptionOut]:
    page, items = await service.admin_subscriptions(session, viewer, pagination.page, pagination.per_page)
    return page_out(page, items)


@router.get("/admin/refunds-due", response_model=list[AdminRefundOut])
async def refunds_due(session: DbSession, viewer: AdminViewer) -> list[AdminRefundOut]:
    """Payments that arrived for invoices already paid (or void): give each back, then record it."""
    return await service.refunds_to_make(session, viewer)


@router.post("/admin/refunds-due/{refund_id}/refunded", response_model=RefundDueOut)
async def record_refund(refund_id: ObjectId, session: DbSession, viewer: AdminViewer) -> RefundDueOut:
    return await service.record_refund(session, viewer, refund_id)


@router.get("/admin/revenue", response_model=list[RevenueOut])
async def admin_revenue(session: DbSession, viewer: OptionalViewer) -> list[RevenueOut]:
    return [RevenueOut(month=row.label, currency=row.currency, total=row.total, invoices=row.invoices)
            for row in await service.revenue(session, viewer)]
