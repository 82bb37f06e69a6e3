"""Shared query helpers: pagination of a select, rows by primary key (several at once, one or None, one that must
exist, one or 404), and a user's own row."""

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Select, func, inspect, select
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import not_found

T = TypeVar("T")


class UserOwned(Protocol):
    @property
    def user_id(self) -> int: ...


U = TypeVar("U", bound=UserOwned)


class Identified(Protocol):
    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=Identified)


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


async def paginate(session: AsyncSession, statement: Select[Any], page: int, per_page: int) -> Page[Any]:
    total = await session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    rows = await session.scalars(statement.limit(per_page).offset((page - 1) * per_page))
    return Page(items=list(rows), total=total or 0, page=page, per_page=per_page)


def upsert_insert(session: AsyncSession, model: type[Any]) -> PgInsert | SqliteInsert:
    """An INSERT of this database's dialect, so that ON CONFLICT clauses work on PostgreSQL and SQLite."""
    return pg_insert(model) if session.get_bind().dialect.name == "postgresql" else sqlite_insert(model)


async def by_id(session: AsyncSession, model: type[Row], ids: Collection[int]) -> dict[int, Row]:
    """Rows of `model` by primary key, in one query; ids without a row are left out."""
    rows = await session.scalars(select(model).where(inspect(model).primary_key[0].in_(ids)))
    return {row.id: row for row in rows}


def grouped(rows: Iterable[T], key: Callable[[T], int]) -> defaultdict[int, list[T]]:
    """Rows by a key (an owner's id), in their order; a key without rows reads as an empty list."""
    found: defaultdict[int, list[T]] = defaultdict(list)
    for row in rows:
        found[key(row)].append(row)
    return found


async def get_or_none(session: AsyncSession, model: type[T], ident: int) -> T | None:
    """The row of `model` with this primary key, or None."""
    return await session.get(model, ident)


async def get_one(session: AsyncSession, model: type[T], ident: int) -> T:
    """The row of `model` with this primary key, which must exist (a foreign key points at it)."""
    return await session.get_one(model, ident)


async def get_or_404(session: AsyncSession, model: type[T], ident: int, what: str,
                     visible: Callable[[T], bool] | None = None) -> T:
    """The row of `model` with this primary key; a missing row, or one `visible` hides from the asker, does not
    exist for them (404 "`what` not found")."""
    row = await session.get(model, ident)
    if row is None or (visible is not None and not visible(row)):
        raise not_found(what)
    return row


async def get_users_own(session: AsyncSession, model: type[U], ident: int, user_id: int, what: str) -> U:
    """The row when it belongs to the user; anyone else's does not exist for them (404)."""
    return await get_or_404(session, model, ident, what, lambda row: row.user_id == user_id)
