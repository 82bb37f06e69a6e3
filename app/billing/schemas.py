"""Pydantic input and output of plans, subscriptions, invoices and the admin billing view."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.core.schemas import DecimalOut
from app.models.enums import BillingInterval, InvoicePurpose, InvoiceStatus, PaymentProviderName, SubscriptionStatus
from app.models.tier import MAX_RANKING_BOOST

TierCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
Limit = Annotated[int, Field(ge=0, le=1_000_000)]
Price = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class TierOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    rank: int
    is_default: bool
    currency: str
    price_monthly: DecimalOut
    price_yearly: DecimalOut
    max_published_listings: int | None
    quotes_per_month: int | None
    rfqs_per_month: int | None
    contact_details_visible: bool
    leads_per_day: int | None
    ranking_boost: DecimalOut
    badge: str | None
    showcase_slots: int
    keyword_bidding: bool
    max_members: int | None


class TierUpdate(BaseModel):
    """Admin edit of a tier: only the fields sent change; null limits mean unlimited."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=80)
    price_monthly: Price | None = None
    price_yearly: Price | None = None
    max_published_listings: Limit | None = None
    quotes_per_month: Limit | None = None
    rfqs_per_month: Limit | None = None
    contact_details_visible: bool | None = None
    leads_per_day: Limit | None = None
    ranking_boost: Annotated[Decimal, Field(ge=0, le=MAX_RANKING_BOOST, decimal_places=4)] | None = None
    badge: str | None = Field(default=None, max_length=80)
    showcase_slots: Limit | None = None
    keyword_bidding: bool | None = None
    max_members: Limit | None = None


NOT_NULL_TIER_FIELDS = ("name", "price_monthly", "price_yearly", "contact_details_visible", "ranking_boost",
                        "showcase_slots", "keyword_bidding")


class SubscribeInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tier: TierCode
    interval: BillingInterval = BillingInterval.MONTH
    provider: PaymentProviderName | None = None


class ChangePlanInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tier: TierCode


class MarkPaidInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reference: str = Field(min_length=1, max_length=120)


class SubscriptionOut(BaseModel):
    tier: str
    pending_tier: str | None
    interval: BillingInterval
    status: SubscriptionStatus
    provider: PaymentProviderName
    current_period_start: date
    current_period_end: date
    cancel_at_period_end: bool


class EntitlementOut(BaseModel):
    """Usage against one rule of the policy, named as /plans names it (`label`, `note`, `shown_limit`); a feature
    (`feature`) has a limit of 1 (included) or 0 and no usage to speak of."""

    action: str
    label: str
    note: str
    feature: bool
    allowed: bool
    limit: int | None
    shown_limit: str
    usage: int
    remaining: int | None
    reason: str | None
    upgrade_to: str | None


class CapOut(BaseModel):
    """A cap every plan shares (the RFQ anti-spam caps): refused with 429 `code` when usage reaches the limit."""

    code: str
    label: str
    note: str
    limit: int
    shown_limit: str
    usage: int
    remaining: int


class PlanRowOut(BaseModel):
    """One line of the plan table: `values` holds one entry per plan (in the order of `PlanTableOut.plans`), or
    `every_plan` holds the one value all plans share."""

    label: str
    note: str
    values: list[str] | None = None
    every_plan: str | None = None
    every_plan_limit: int | None = Field(default=None, description="The number in `every_plan`")


class PlanTableOut(BaseModel):
    """The plans, cheapest first, and every limit the platform enforces, in the policy's words."""

    plans: list[TierOut]
    rows: list[PlanRowOut]


class InvoiceLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    description: str
    quantity: int
    unit_amount: DecimalOut
    amount: DecimalOut


class InvoiceSummaryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    purpose: InvoicePurpose
    status: InvoiceStatus
    provider: PaymentProviderName
    currency: str
    total: DecimalOut
    period_start: date | None
    period_end: date | None
    issued_at: datetime
    due_on: date
    paid_at: datetime | None
    reminders_sent: int


class RefundDueOut(BaseModel):
    """A payment that arrived for an invoice already paid (or void): it goes back to the payer."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    invoice_id: int
    provider: PaymentProviderName
    reference: str
    event_id: str | None
    received_at: datetime
    refunded_at: datetime | None


class InvoiceOut(InvoiceSummaryOut):
    bill_to: str
    payment_reference: str | None
    payment_instructions: str | None
    lines: list[InvoiceLineOut]
    refunds_due: list[RefundDueOut] = Field(description="Further payments of this invoice, to be given back")


class AdminRefundOut(RefundDueOut):
    invoice_number: str
    amount: DecimalOut
    currency: str


class PendingPaymentOut(BaseModel):
    """A plan bought and not yet paid: `tier` takes effect when `invoice` is paid; unpaid, it lapses on
    `lapses_on` (the invoice is void then, and the organization keeps the plan it had)."""

    tier: str
    tier_name: str
    invoice: InvoiceSummaryOut
    lapses_on: date


class MembershipOut(BaseModel):
    """The viewer's organization: its tier now, its subscription (if any), a plan waiting for payment (if any),
    and usage against each limit."""

    tier: TierOut
    subscription: SubscriptionOut | None
    pending_payment: PendingPaymentOut | None
    entitlements: list[EntitlementOut]
    caps: list[CapOut]
    unpublished_listings: int


class ChangeOut(BaseModel):
    """A plan change: `pending_payment` says when what was bought waits for its invoice to be paid."""

    subscription: SubscriptionOut
    invoice: InvoiceOut | None
    pending_payment: PendingPaymentOut | None


class AdminSubscriptionOut(BaseModel):
    organization_id: int
    organization_name: str
    subscription: SubscriptionOut


class RevenueOut(BaseModel):
    month: str
    currency: str
    total: DecimalOut
    invoices: int


class WebhookOut(BaseModel):
    event_id: str
    outcome: str
