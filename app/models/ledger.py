"""The platform's double-entry books (the `ledger` engine writes them): accounts, journal entries and their lines.
An account's balance is the sum of its lines, never a stored number; each entry's lines sum to zero."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base


class LedgerAccount(Base):
    """One account in one currency, named by a code its users build (`ads:organization:12`, `platform:cash`)."""

    __tablename__ = "ledger_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(120), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    # Bumped by every posting that must see the balance before it writes (a spend within what is there): the write
    # takes the row's lock on PostgreSQL and the database's write lock on SQLite before the balance is read.
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LedgerEntry(Base):
    """One movement of money; `key` makes posting it again a no-op (a replayed webhook, a retried request)."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    memo: Mapped[str] = mapped_column(String(500), default="")
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class LedgerLine(Base):
    """An amount on an account: positive is a debit, negative a credit."""

    __tablename__ = "ledger_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id", ondelete="RESTRICT"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id", ondelete="RESTRICT"), index=True)
    amount: Mapped[Decimal]
