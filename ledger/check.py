"""The check that the books balance: every entry's lines sum to zero and hold at least two legs, every line is in
its entry's currency, and so the whole journal sums to zero per currency. `tradeleads ledger check` runs it."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LedgerAccount, LedgerEntry, LedgerLine


@dataclass(frozen=True)
class Problem:
    entry_key: str
    what: str


async def problems(session: AsyncSession) -> list[Problem]:
    found = [Problem(key, f"its lines sum to {Decimal(total).normalize()}, not 0") for key, total in
             await session.execute(select(LedgerEntry.key, func.sum(LedgerLine.amount))
                                   .join(LedgerLine, LedgerLine.entry_id == LedgerEntry.id)
                                   .group_by(LedgerEntry.id, LedgerEntry.key)
                                   .having(func.sum(LedgerLine.amount) != 0))]
    found += [Problem(key, f"it has {count} leg(s)") for key, count in
              await session.execute(select(LedgerEntry.key, func.count(LedgerLine.id))
                                    .outerjoin(LedgerLine, LedgerLine.entry_id == LedgerEntry.id)
                                    .group_by(LedgerEntry.id, LedgerEntry.key)
                                    .having(func.count(LedgerLine.id) < 2))]
    found += [Problem(key, f"it moves {account} ({account_currency}) in {currency}") for key, account, account_currency,
              currency in await session.execute(
                  select(LedgerEntry.key, LedgerAccount.code, LedgerAccount.currency, LedgerEntry.currency)
                  .join(LedgerLine, LedgerLine.entry_id == LedgerEntry.id)
                  .join(LedgerAccount, LedgerAccount.id == LedgerLine.account_id)
                  .where(LedgerAccount.currency != LedgerEntry.currency))]
    return sorted(found, key=lambda problem: (problem.entry_key, problem.what))
