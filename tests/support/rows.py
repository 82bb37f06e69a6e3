"""Looking at stored rows from a test's own session."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession


async def count_rows(db: AsyncSession, model: type[Any]) -> int:
    try:
        return await db.scalar(select(func.count()).select_from(model)) or 0
    finally:
        await db.rollback()  # a fresh snapshot for the next look
