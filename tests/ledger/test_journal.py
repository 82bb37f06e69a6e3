"""The ledger engine on the configured database: balanced entries move money, anything else is refused with nothing
written, a key posts once, a spend stays within what the account holds even when many race, and the check finds
books that do not balance."""

import asyncio
from decimal import Decimal

import pytest
from fastapi import FastAPI
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LedgerEntry, LedgerLine
from ledger.check import problems
from ledger.journal import InsufficientBalance, LedgerError, Leg, Within, balance, post

WALLET, PREPAID, REVENUE = "ads:organization:7", "platform:prepaid", "platform:ad-revenue"


def top_up(amount: str) -> list[Leg]:
    return [Leg(WALLET, Decimal(amount)), Leg(PREPAID, -Decimal(amount))]


def spend(amount: str) -> list[Leg]:
    return [Leg(WALLET, -Decimal(amount)), Leg(REVENUE, Decimal(amount))]


async def entries(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(LedgerEntry)) or 0)


async def test_a_balanced_entry_moves_money_between_accounts(db: AsyncSession) -> None:
    posted = await post(db, "topup:invoice:1", "topup", "USD", top_up("100.00"), memo="Invoice 2026-0001")
    await post(db, "click:1", "click", "USD", spend("0.35"))
    await db.commit()

    assert posted.created and posted.entry.kind == "topup" and posted.entry.memo == "Invoice 2026-0001"
    assert await balance(db, WALLET) == Decimal("99.65")
    assert await balance(db, PREPAID) == Decimal("-100")
    assert await balance(db, REVENUE) == Decimal("0.35")
    assert await balance(db, "ads:organization:8") == 0  # nothing posted: an empty account
    assert await problems(db) == []


@pytest.mark.parametrize(("legs", "message"), [
    ([Leg(WALLET, Decimal("10")), Leg(PREPAID, Decimal("-9.99"))], "sum to zero"),
    ([Leg(WALLET, Decimal("10"))], "at least two legs"),
    ([Leg(WALLET, Decimal("0.00001")), Leg(PREPAID, Decimal("-0.00001"))], "four places"),
    ([Leg(WALLET, Decimal("0")), Leg(PREPAID, Decimal("0"))], "non-zero"),
    ([Leg(WALLET, Decimal("NaN")), Leg(PREPAID, Decimal("1"))], "not an amount"),
])
async def test_an_entry_that_would_break_the_books_is_refused(db: AsyncSession, legs: list[Leg],
                                                              message: str) -> None:
    with pytest.raises(LedgerError, match=message):
        await post(db, "bad", "adjustment", "USD", legs)
    await db.rollback()
    assert await entries(db) == 0


async def test_a_key_posts_once_and_a_replay_with_other_amounts_is_refused(db: AsyncSession) -> None:
    first = await post(db, "topup:invoice:2", "topup", "USD", top_up("50"))
    again = await post(db, "topup:invoice:2", "topup", "USD", top_up("50"))  # a replayed webhook
    await db.commit()
    assert first.created and not again.created and again.entry.id == first.entry.id
    assert await balance(db, WALLET) == 50 and await entries(db) == 1

    with pytest.raises(LedgerError, match="posted before with other amounts"):
        await post(db, "topup:invoice:2", "topup", "USD", top_up("500"))
    await db.rollback()
    assert await balance(db, WALLET) == 50


async def test_an_account_keeps_one_currency(db: AsyncSession) -> None:
    await post(db, "topup:1", "topup", "USD", top_up("10"))
    with pytest.raises(LedgerError, match="keeps its books in USD, not EUR"):
        await post(db, "topup:2", "topup", "EUR", top_up("10"))
    await db.rollback()


async def test_a_spend_stays_within_what_the_account_holds(db: AsyncSession) -> None:
    await post(db, "topup:1", "topup", "USD", top_up("1.00"))
    await post(db, "click:1", "click", "USD", spend("0.60"), within=Within(WALLET))
    await db.commit()
    with pytest.raises(InsufficientBalance) as refused:
        await post(db, "click:2", "click", "USD", spend("0.41"), within=Within(WALLET))
    await db.rollback()
    assert refused.value.balance == Decimal("0.4") and refused.value.wanted == Decimal("0.41")
    assert await balance(db, WALLET) == Decimal("0.40") and await entries(db) == 2


async def test_many_spends_at_once_never_overdraw(app: FastAPI) -> None:
    """Twenty sessions race to spend 10 each from 100: exactly ten win, on SQLite and on PostgreSQL."""
    sessions = app.state.sessionmaker
    async with sessions() as session:
        await post(session, "topup:race", "topup", "USD", top_up("100"))
        await session.commit()

    async def one(number: int) -> bool:
        async with sessions() as session:
            try:
                await post(session, f"click:race:{number}", "click", "USD", spend("10"), within=Within(WALLET))
                await session.commit()
                return True
            except InsufficientBalance:
                await session.rollback()
                return False

    won = await asyncio.gather(*(one(number) for number in range(20)))
    async with sessions() as session:
        assert sum(won) == 10 and await balance(session, WALLET) == 0
        assert await problems(session) == []


async def test_one_key_posted_at_once_by_many_is_one_entry(app: FastAPI) -> None:
    sessions = app.state.sessionmaker

    async def one() -> bool:
        async with sessions() as session:
            posted = await post(session, "topup:invoice:9", "topup", "USD", top_up("25"))
            await session.commit()
            return posted.created

    created = await asyncio.gather(*(one() for _ in range(15)))
    async with sessions() as session:
        assert sum(created) == 1 and await entries(session) == 1 and await balance(session, WALLET) == 25


async def test_the_check_names_an_entry_that_does_not_balance(db: AsyncSession) -> None:
    posted = await post(db, "topup:tampered", "topup", "USD", top_up("10"))
    wallet_line = await db.scalar(select(LedgerLine).where(LedgerLine.entry_id == posted.entry.id).limit(1))
    assert wallet_line is not None
    await db.execute(insert(LedgerLine).values(entry_id=posted.entry.id, account_id=wallet_line.account_id,
                                               amount=Decimal("0.01")))  # written behind the engine's back
    await db.commit()
    [problem] = await problems(db)
    assert problem.entry_key == "topup:tampered" and "sum to 0.01" in problem.what
