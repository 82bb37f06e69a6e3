"""An organisation's ad balance: bought through billing (membership.ad_credit credits a top-up when its invoice is
paid), corrected by administrators, read as the sum of its ledger lines."""

from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads.schemas import AdBalanceOut, AdjustmentIn, BalanceLineOut, TopUpIn
from app.auth.viewer import Viewer, require_admin, require_owner, require_seller
from app.billing.schemas import InvoiceOut
from app.billing.service import invoice_out
from app.core.config import Settings
from app.core.errors import AppError, conflict, not_found
from app.models import Organization
from app.models.enums import PaymentProviderName
from ledger import accounts, journal
from membership import ad_credit
from membership.policy import Action, ensure_allowed
from membership.tiers import platform_currency

ADJUSTMENT = "adjustment"


async def balance_of(session: AsyncSession, organization_id: int) -> AdBalanceOut:
    account = accounts.ad_balance(organization_id)
    lines = [BalanceLineOut(at=line.at, kind=line.kind, amount=line.amount, memo=line.memo)
             for line in await journal.statement(session, account)]
    return AdBalanceOut(organization_id=organization_id, currency=await platform_currency(session),
                        balance=await journal.balance(session, account), lines=lines)


async def my_balance(session: AsyncSession, viewer: Viewer | None) -> AdBalanceOut:
    return await balance_of(session, require_seller(viewer).organization_id)


async def top_up(session: AsyncSession, settings: Settings, viewer: Viewer | None, data: TopUpIn) -> InvoiceOut:
    """An invoice for the credit, as the plan's invoices: the owner's to buy; credited once it is paid."""
    viewer = require_seller(require_owner(viewer))
    await ensure_allowed(session, viewer.organization_id, Action.BID_ON_KEYWORDS)
    provider = data.provider or PaymentProviderName(settings.billing_default_provider)
    invoice = await ad_credit.buy(session, settings, viewer.organization_id, data.amount, provider)
    return await invoice_out(session, settings, invoice)


async def adjust(session: AsyncSession, viewer: Viewer | None, data: AdjustmentIn) -> AdBalanceOut:
    """An administrator's correction, with its reason; a debit never takes the balance below zero."""
    require_admin(viewer)
    if await session.get(Organization, data.organization_id) is None:
        raise not_found("Organization")
    account = accounts.ad_balance(data.organization_id)
    legs = [journal.Leg(account, data.amount), journal.Leg(accounts.PLATFORM_ADJUSTMENTS, -data.amount)]
    try:
        await journal.post(session, f"{ADJUSTMENT}:{uuid4().hex}", ADJUSTMENT, await platform_currency(session),
                           legs, memo=data.reason, within=journal.Within(account))
    except journal.InsufficientBalance as exc:
        raise _below_zero(exc) from exc
    return await balance_of(session, data.organization_id)


def _below_zero(exc: journal.InsufficientBalance) -> AppError:
    return conflict(f"The ad balance holds {exc.balance}; a debit of {exc.wanted} would take it below zero",
                    code="insufficient_balance")
