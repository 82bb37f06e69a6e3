"""Shared query helpers: pagination of a select, and fetching one row by primary key."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")


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


async def get_by_id(session: AsyncSession, model: type[T], ident: Any) -> T | None:
    return await session.get(model, ident)

