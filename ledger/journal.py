"""Posting journal entries and reading balances.

An entry moves money between accounts of one currency: its legs sum to zero (a debit is positive, a credit
negative). Posting is idempotent on the entry's key: a second posting of the same key changes nothing and returns
the first, and one with other legs is refused. A spend that must stay within what an account holds locks that
account first (`within`), so that two spends at once cannot both see the same balance."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LedgerAccount, LedgerEntry, LedgerLine

PLACES = Decimal("0.0001")  # the Money column's four decimal places


class LedgerError(ValueError):
    """A posting that would break the books; nothing of it is written."""


class InsufficientBalance(LedgerError):
    def __init__(self, account: str, balance: Decimal, wanted: Decimal) -> None:
        super().__init__(f"{account} holds {balance}, {wanted} wanted")
        self.account, self.balance, self.wanted = account, balance, wanted


@dataclass(frozen=True)
class Leg:
    account: str
    amount: Decimal


@dataclass(frozen=True)
class Within:
    """The posting may not take `account` below `floor`."""

    account: str
    floor: Decimal = Decimal(0)


@dataclass(frozen=True)
class Posted:
    entry: LedgerEntry
    created: bool
    """False when the key was posted before: the books did not change."""


def _checked(legs: Sequence[Leg]) -> list[Leg]:
    if len(legs) < 2:
        raise LedgerError("an entry needs at least two legs")
    for leg in legs:
        if not leg.amount.is_finite() or leg.amount == 0 or leg.amount != leg.amount.quantize(PLACES):
            raise LedgerError(f"{leg.account}: {leg.amount} is not an amount of money (non-zero, four places)")
    if sum((leg.amount for leg in legs), Decimal(0)) != 0:
        raise LedgerError("the legs of an entry must sum to zero")
    return list(legs)


async def post(session: AsyncSession, key: str, kind: str, currency: str, legs: Sequence[Leg], *,
               memo: str = "", within: Within | None = None) -> Posted:
    """Writes the entry in the session's transaction (the caller commits, with whatever caused it)."""
    legs = _checked(legs)
    accounts = {leg.account: await _account(session, leg.account, currency) for leg in legs}
    if within is not None:
        await _lock(session, accounts.get(within.account) or await _account(session, within.account, currency))
    existing = await session.scalar(select(LedgerEntry).where(LedgerEntry.key == key))
    if existing is not None:
        return Posted(await _same_as(session, existing, legs, accounts), created=False)
    if within is not None:
        await _ensure_within(session, within, legs)
    entry_id = await _insert_entry(session, key, kind, currency, memo)
    if entry_id is None:  # a concurrent posting of the same key committed between our look and our insert
        existing = await session.scalar(select(LedgerEntry).where(LedgerEntry.key == key))
        assert existing is not None
        return Posted(await _same_as(session, existing, legs, accounts), created=False)
    session.add_all(LedgerLine(entry_id=entry_id, account_id=accounts[leg.account].id, amount=leg.amount)
                    for leg in legs)
    await session.flush()
    entry = await session.get(LedgerEntry, entry_id)
    assert entry is not None
    return Posted(entry, created=True)


async def balance(session: AsyncSession, account: str) -> Decimal:
    """The sum of the account's lines; an account nothing was posted to holds 0."""
    total = await session.scalar(select(func.sum(LedgerLine.amount)).join(
        LedgerAccount, LedgerAccount.id == LedgerLine.account_id).where(LedgerAccount.code == account))
    return Decimal(total or 0).quantize(PLACES)


async def balances(session: AsyncSession, codes: Collection[str]) -> dict[str, Decimal]:
    """Several accounts' balances in one query; an account nothing was posted to holds 0."""
    found = {code: Decimal(0).quantize(PLACES) for code in codes}
    rows = await session.execute(
        select(LedgerAccount.code, func.sum(LedgerLine.amount))
        .join(LedgerLine, LedgerLine.account_id == LedgerAccount.id)
        .where(LedgerAccount.code.in_(found)).group_by(LedgerAccount.code))
    found.update({code: Decimal(total or 0).quantize(PLACES) for code, total in rows})
    return found


async def lock(session: AsyncSession, code: str, currency: str) -> None:
    """Holds the account to the commit: what the caller reads next is not changed by a concurrent spend of it."""
    await _lock(session, await _account(session, code, currency))


async def _account(session: AsyncSession, code: str, currency: str) -> LedgerAccount:
    """The account with this code, opened on first use; one of another currency is refused."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(insert(LedgerAccount).values(code=code, currency=currency, version=0)
                          .on_conflict_do_nothing(index_elements=["code"]))
    account = await session.scalar(select(LedgerAccount).where(LedgerAccount.code == code))
    assert account is not None
    if account.currency != currency:
        raise LedgerError(f"{code} keeps its books in {account.currency}, not {currency}")
    return account


async def _lock(session: AsyncSession, account: LedgerAccount) -> None:
    """A write to the account's row: PostgreSQL's row lock, SQLite's write lock, held to the commit."""
    await session.execute(update(LedgerAccount).where(LedgerAccount.id == account.id)
                          .values(version=LedgerAccount.version + 1).execution_options(synchronize_session=False))


async def _ensure_within(session: AsyncSession, within: Within, legs: Sequence[Leg]) -> None:
    change = sum((leg.amount for leg in legs if leg.account == within.account), Decimal(0))
    held = await balance(session, within.account)
    if held + change < within.floor:
        raise InsufficientBalance(within.account, held, -change)


async def _insert_entry(session: AsyncSession, key: str, kind: str, currency: str, memo: str) -> int | None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (insert(LedgerEntry).values(key=key, kind=kind, currency=currency, memo=memo)
                 .on_conflict_do_nothing(index_elements=["key"]).returning(LedgerEntry.id))
    return await session.scalar(statement)


async def _same_as(session: AsyncSession, entry: LedgerEntry, legs: Sequence[Leg],
                   accounts: dict[str, LedgerAccount]) -> LedgerEntry:
    """The entry posted before under this key, when it moved the same money; else the key is misused."""
    stored = sorted((account_id, amount) for account_id, amount in await session.execute(
        select(LedgerLine.account_id, LedgerLine.amount).where(LedgerLine.entry_id == entry.id)))
    wanted = sorted((accounts[leg.account].id, leg.amount) for leg in legs)
    if [(account_id, Decimal(amount)) for account_id, amount in stored] != wanted:
        raise LedgerError(f"the entry {entry.key!r} was posted before with other amounts")
    return entry


@dataclass(frozen=True)
class StatementLine:
    at: datetime
    key: str
    kind: str
    memo: str
    amount: Decimal


async def statement(session: AsyncSession, account: str, limit: int = 100) -> list[StatementLine]:
    """The account's movements, newest first: what each entry did to it."""
    rows = await session.execute(
        select(LedgerEntry.created_at, LedgerEntry.key, LedgerEntry.kind, LedgerEntry.memo, LedgerLine.amount)
        .join(LedgerLine, LedgerLine.entry_id == LedgerEntry.id)
        .join(LedgerAccount, LedgerAccount.id == LedgerLine.account_id)
        .where(LedgerAccount.code == account).order_by(LedgerEntry.id.desc()).limit(limit))
    return [StatementLine(at, key, kind, memo, Decimal(amount).quantize(PLACES))
            for at, key, kind, memo, amount in rows]
