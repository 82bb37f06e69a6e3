"""Billing for people: who may see and change plans and invoices; the membership engine does the work."""

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_admin, require_owner, require_viewer
from app.billing import repository
from app.billing.schemas import (
    NOT_NULL_TIER_FIELDS,
    AdminRefundOut,
    AdminSubscriptionOut,
    CapOut,
    ChangeOut,
    ChangePlanInput,
    EntitlementOut,
    InvoiceOut,
    InvoiceSummaryOut,
    MembershipOut,
    PendingPaymentOut,
    PlanRowOut,
    PlanTableOut,
    RefundDueOut,
    SubscribeInput,
    SubscriptionOut,
    TierOut,
    TierUpdate,
)
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import AppError, FieldError, not_found, validation_failed
from app.core.repository import Page, get_or_404, paginate
from app.models import Invoice, Subscription, Tier
from app.models.enums import InvoiceStatus, PaymentProviderName
from membership import caps, invoices, payments, policy, purchases, ranking, reports, subscriptions, tiers
from membership.enforcement import unpublished_count
from membership.providers import provider_for
from membership.providers.card_gateway import parse_event, verify


async def plans(session: AsyncSession) -> list[TierOut]:
    return [TierOut.model_validate(tier) for tier in await tiers.all_tiers(session)]


async def plan_table(session: AsyncSession, viewer: Viewer | None) -> PlanTableOut:
    """Every rule of the policy for every plan, then the caps all plans share (the viewer's own, if set)."""
    all_tiers = await tiers.all_tiers(session)
    rows = [PlanRowOut(label=rule.label, note=rule.note, values=[rule.shown(rule.limit(tier)) for tier in all_tiers])
            for rule in policy.RULES.values()]
    rows.append(PlanRowOut(label=ranking.LABEL, note=ranking.NOTE, values=[ranking.shown(tier) for tier in all_tiers]))
    limits = await caps.limits_of(session, viewer.organization_id if viewer else None)
    rows += [PlanRowOut(label=cap.label, note=cap.note, every_plan=cap.shown(cap.limit(limits)),
                        every_plan_limit=cap.limit(limits)) for cap in caps.CAPS]
    return PlanTableOut(plans=[TierOut.model_validate(tier) for tier in all_tiers], rows=rows)


def subscription_out(subscription: Subscription, by_id: dict[int, Tier]) -> SubscriptionOut:
    pending = by_id.get(subscription.pending_tier_id) if subscription.pending_tier_id else None
    return SubscriptionOut(
        tier=by_id[subscription.tier_id].code, pending_tier=pending.code if pending else None,
        interval=subscription.interval, status=subscription.status, provider=subscription.provider,
        current_period_start=subscription.current_period_start, current_period_end=subscription.current_period_end,
        cancel_at_period_end=subscription.cancel_at_period_end,
    )


async def _tiers_by_id(session: AsyncSession) -> dict[int, Tier]:
    return {tier.id: tier for tier in await tiers.all_tiers(session)}


def entitlement_out(decision: policy.Decision) -> EntitlementOut:
    rule = policy.RULES[decision.action]
    return EntitlementOut(action=decision.action.value, label=rule.label, note=rule.note, feature=rule.feature,
                          allowed=decision.allowed, limit=decision.limit, shown_limit=rule.shown(decision.limit),
                          usage=decision.usage, remaining=decision.remaining, reason=decision.reason,
                          upgrade_to=decision.upgrade_to)


def cap_out(use: caps.CapUse) -> CapOut:
    return CapOut(code=use.cap.code, label=use.cap.label, note=use.cap.note, limit=use.limit,
                  shown_limit=str(use.limit), usage=use.usage, remaining=max(0, use.limit - use.usage))


async def pending_payment_out(session: AsyncSession, settings: Settings, subscription: Subscription | None,
                              ) -> PendingPaymentOut | None:
    invoice = await purchases.pending_purchase(session, subscription.id) if subscription else None
    if invoice is None or invoice.grants_tier_id is None:
        return None
    tier = await get_or_404(session, Tier, invoice.grants_tier_id, "Tier")
    return PendingPaymentOut(tier=tier.code, tier_name=tier.name, invoice=InvoiceSummaryOut.model_validate(invoice),
                             lapses_on=purchases.lapses_on(invoice, settings.billing_grace_days))


async def membership(session: AsyncSession, settings: Settings, viewer: Viewer | None) -> MembershipOut:
    viewer = require_viewer(viewer)
    organization_id = viewer.organization_id
    subscription = await tiers.subscription_of(session, organization_id)
    decisions = await policy.decide_all(session, organization_id)
    return MembershipOut(
        tier=TierOut.model_validate(await tiers.current_tier(session, organization_id)),
        subscription=subscription_out(subscription, await _tiers_by_id(session)) if subscription else None,
        pending_payment=await pending_payment_out(session, settings, subscription),
        entitlements=[entitlement_out(decision) for decision in decisions],
        caps=[cap_out(await caps.use_of(session, organization_id, cap)) for cap in caps.CAPS],
        unpublished_listings=await unpublished_count(session, organization_id),
    )


async def invoice_out(session: AsyncSession, settings: Settings, invoice: Invoice) -> InvoiceOut:
    full = await invoices.get_invoice(session, invoice.id)
    instructions = None
    if full.status is InvoiceStatus.OPEN:
        instructions = provider_for(full.provider, settings).payment_instructions(full)
    return InvoiceOut.model_validate({**_columns(full), "lines": full.lines, "payment_instructions": instructions,
                                      "refunds_due": await payments.refunds_of(session, full.id)})


def _columns(invoice: Invoice) -> dict[str, Any]:
    return {column.key: getattr(invoice, column.key) for column in Invoice.__table__.columns}


async def _change_out(session: AsyncSession, settings: Settings, change: subscriptions.Change) -> ChangeOut:
    invoice = await invoice_out(session, settings, change.invoice) if change.invoice else None
    return ChangeOut(subscription=subscription_out(change.subscription, await _tiers_by_id(session)),
                     invoice=invoice, pending_payment=await pending_payment_out(session, settings, change.subscription))


async def subscribe(session: AsyncSession, settings: Settings, viewer: Viewer | None,
                    data: SubscribeInput) -> ChangeOut:
    viewer = require_owner(viewer)
    provider = data.provider or PaymentProviderName(settings.billing_default_provider)
    change = await subscriptions.subscribe(session, settings, viewer.organization_id, data.tier, data.interval,
                                           provider)
    return await _change_out(session, settings, change)


async def change_plan(session: AsyncSession, settings: Settings, viewer: Viewer | None,
                      data: ChangePlanInput) -> ChangeOut:
    viewer = require_owner(viewer)
    change = await subscriptions.change_tier(session, settings, viewer.organization_id, data.tier)
    return await _change_out(session, settings, change)


async def cancel(session: AsyncSession, settings: Settings, viewer: Viewer | None) -> ChangeOut:
    viewer = require_owner(viewer)
    return await _change_out(session, settings, await subscriptions.cancel(session, viewer.organization_id))


async def my_invoices(session: AsyncSession, viewer: Viewer | None, page: int, per_page: int) -> Page[Invoice]:
    viewer = require_viewer(viewer)
    return await paginate(session, repository.invoices_of(viewer.organization_id), page, per_page)


async def get_invoice(session: AsyncSession, viewer: Viewer | None, invoice_id: int) -> Invoice:
    """Members of the billed organization and admins; for anyone else the invoice does not exist."""
    viewer = require_viewer(viewer)
    return await get_or_404(session, Invoice, invoice_id, "Invoice",
                            lambda invoice: can_manage(viewer, invoice.organization_id))


async def mark_paid(session: AsyncSession, viewer: Viewer | None, invoice_id: int, reference: str) -> Invoice:
    """An administrator confirms a bank transfer arrived."""
    require_admin(viewer)
    invoice = await get_invoice(session, viewer, invoice_id)
    await payments.settle(session, invoice, reference)
    return invoice


async def refunds_to_make(session: AsyncSession, viewer: Viewer | None) -> list[AdminRefundOut]:
    """Payments that arrived for invoices already paid (or void), not yet given back."""
    require_admin(viewer)
    return [AdminRefundOut.model_validate({**RefundDueOut.model_validate(refund).model_dump(),
                                           "invoice_number": invoice.number, "amount": invoice.total,
                                           "currency": invoice.currency})
            for refund, invoice in await payments.refunds_to_make(session)]


async def record_refund(session: AsyncSession, viewer: Viewer | None, refund_id: int) -> RefundDueOut:
    """An administrator gave the money back."""
    require_admin(viewer)
    refund = await payments.record_refund(session, refund_id, utcnow())
    if refund is None:
        raise not_found("Refund")
    return RefundDueOut.model_validate(refund)


async def void_invoice(session: AsyncSession, viewer: Viewer | None, invoice_id: int) -> Invoice:
    require_admin(viewer)
    invoice = await get_invoice(session, viewer, invoice_id)
    await invoices.void(session, invoice)
    await session.flush()
    return invoice


async def receive_card_webhook(session: AsyncSession, settings: Settings, header: str | None, body: bytes,
                               now: datetime | None = None) -> tuple[str, str]:
    """Verifies the signature and the timestamp, then applies the event once; returns (event id, outcome)."""
    if not settings.card_webhook_secret:
        raise AppError("The card gateway is not configured", code="provider_not_configured", status=503,
                       title="Service unavailable")
    now = now or utcnow()
    verify(settings.card_webhook_secret, header, body, now, settings.card_webhook_tolerance_seconds)
    event = parse_event(body)
    return event.id, await payments.handle_gateway_event(session, event, now)


async def admin_subscriptions(session: AsyncSession, viewer: Viewer | None, page: int, per_page: int,
                              ) -> tuple[Page[Any], list[AdminSubscriptionOut]]:
    require_admin(viewer)
    result = await repository.subscription_rows(session, page, per_page)
    by_id = await _tiers_by_id(session)
    items = [AdminSubscriptionOut(organization_id=subscription.organization_id, organization_name=name,
                                  subscription=subscription_out(subscription, by_id))
             for subscription, name in result.items]
    return result, items


async def revenue(session: AsyncSession, viewer: Viewer | None) -> list[reports.RevenueMonth]:
    require_admin(viewer)
    return await reports.revenue_by_month(session)


async def admin_open_invoices(session: AsyncSession, viewer: Viewer | None, page: int, per_page: int,
                              ) -> Page[Any]:
    """Open invoices with their organization's name, the earliest due first: what an administrator may mark paid
    or void."""
    require_admin(viewer)
    return await repository.open_invoice_rows(session, page, per_page)


async def admin_tier(session: AsyncSession, viewer: Viewer | None, code: str) -> Tier:
    """The tier an administrator edits."""
    require_admin(viewer)
    return await tiers.tier_by_code(session, code)


async def update_tier(session: AsyncSession, viewer: Viewer | None, code: str, data: TierUpdate) -> Tier:
    require_admin(viewer)
    tier = await tiers.tier_by_code(session, code)
    changes = data.model_dump(exclude_unset=True)
    nulls = [FieldError(name, "may not be null", "null_not_allowed")
             for name in NOT_NULL_TIER_FIELDS if name in changes and changes[name] is None]
    if nulls:
        raise validation_failed(nulls)
    for name, value in changes.items():
        setattr(tier, name, value)
    tier.updated_at = utcnow()
    await session.flush()
    return tier
