"""`tradeleads ledger check`: 0 when the books balance, 1 naming each entry that does not."""

from decimal import Decimal
from typing import Any

from fastapi import FastAPI
from sqlalchemy import insert, select

from app.models import LedgerLine
from ledger.journal import Leg, post


async def test_the_check_passes_on_balanced_books_and_fails_naming_the_bad_entry(app: FastAPI, run_cli: Any) -> None:
    async with app.state.sessionmaker() as session:
        legs = [Leg("ads:organization:1", Decimal("20")), Leg("platform:prepaid", Decimal("-20"))]
        posted = await post(session, "topup:invoice:31", "topup", "USD", legs)
        await session.commit()
    clean = await run_cli("ledger", "check")

    async with app.state.sessionmaker() as session:
        line = await session.scalar(select(LedgerLine).where(LedgerLine.entry_id == posted.entry.id).limit(1))
        assert line is not None
        await session.execute(insert(LedgerLine).values(entry_id=posted.entry.id, account_id=line.account_id,
                                                        amount=Decimal("-5")))
        await session.commit()
    broken = await run_cli("ledger", "check")

    assert (clean.exit_code, clean.output.strip()) == (0, "The books balance.")
    assert broken.exit_code == 1
    assert "entry topup:invoice:31: its lines sum to -5, not 0" in broken.output
    assert "The books do not balance: 1 problem(s)." in broken.output
