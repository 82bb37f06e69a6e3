"""Prepaid advertising credit, bought through billing: an invoice of purpose AD_TOP_UP, paid like any other (a bank
transfer an administrator books, or the card gateway's signed webhook). Once paid, its total is credited to the
organisation's ad balance in the ledger, once: the invoice is paid once (payments lock it first) and the entry's key
is the invoice, so a replayed payment or webhook cannot credit it twice."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.i18n import N_
from app.models import Invoice, LedgerAccount, LedgerEntry, LedgerLine
from app.models.enums import InvoicePurpose, InvoiceStatus, PaymentProviderName
from ledger import accounts, journal
from membership import invoices
from membership.providers import ask_for_payment
from membership.tiers import platform_currency

MIN_TOP_UP = Decimal("10")
MAX_TOP_UP = Decimal("100000")
DUE_IN_DAYS = 14
LINE = N_("Advertising credit")
KIND = "ad_top_up"


def entry_key(invoice_id: int) -> str:
    return f"invoice:{invoice_id}"


async def buy(session: AsyncSession, settings: Settings, organization_id: int, amount: Decimal,
              provider: PaymentProviderName, now: datetime | None = None) -> Invoice:
    """An open invoice for `amount` of credit, and the provider asked for the money (a transfer awaited, a card
    charged); nothing is credited until it is paid."""
    payer = invoices.Payer(organization_id, provider)
    invoice = await invoices.issue(session, payer, InvoicePurpose.AD_TOP_UP, [invoices.Line(LINE, amount)],
                                   await platform_currency(session), None, DUE_IN_DAYS, now)
    await ask_for_payment(invoice, settings)
    await session.flush()
    return invoice


async def credit(session: AsyncSession, invoice: Invoice) -> None:
    """Books a paid top-up on the ad balance (payments call it when the invoice becomes paid)."""
    legs = [journal.Leg(accounts.ad_balance(invoice.organization_id), invoice.total),
            journal.Leg(accounts.PLATFORM_BANK, -invoice.total)]
    await journal.post(session, entry_key(invoice.id), KIND, invoice.currency, legs, memo=invoice.number)


async def mismatches(session: AsyncSession) -> list[str]:
    """What the ad balances' books disagree with billing on (`tradeleads ads check`): a paid top-up not credited, or
    credited another amount or to another organisation; a credit without a paid invoice; a balance below zero."""
    paid = {invoice.id: invoice for invoice in await session.scalars(select(Invoice).where(
        Invoice.purpose == InvoicePurpose.AD_TOP_UP, Invoice.status == InvoiceStatus.PAID))}
    credits = {key: (code, Decimal(amount)) for key, code, amount in await session.execute(
        select(LedgerEntry.key, LedgerAccount.code, LedgerLine.amount)
        .join(LedgerLine, LedgerLine.entry_id == LedgerEntry.id)
        .join(LedgerAccount, LedgerAccount.id == LedgerLine.account_id)
        .where(LedgerEntry.kind == KIND, LedgerAccount.code.like(accounts.AD_BALANCES)))}
    found = [f"invoice {invoice.number}: paid {invoice.total} but {_credited(credits.get(entry_key(invoice.id)))}"
             for invoice in paid.values()
             if credits.get(entry_key(invoice.id)) != (accounts.ad_balance(invoice.organization_id), invoice.total)]
    found += [f"entry {key}: credits {amount} to {code} without a paid top-up invoice"
              for key, (code, amount) in credits.items() if _invoice_id(key) not in paid]
    held = func.sum(LedgerLine.amount)
    found += [f"{code}: holds {total}, below zero" for code, total in await session.execute(
        select(LedgerAccount.code, held).join(LedgerLine, LedgerLine.account_id == LedgerAccount.id)
        .where(LedgerAccount.code.like(accounts.AD_BALANCES)).group_by(LedgerAccount.code).having(held < 0))]
    return sorted(found)


def _credited(credit: tuple[str, Decimal] | None) -> str:
    return "nothing was credited" if credit is None else f"{credit[1]} was credited to {credit[0]}"


def _invoice_id(key: str) -> int | None:
    prefix, _, number = key.partition(":")
    return int(number) if prefix == "invoice" and number.isdigit() else None
