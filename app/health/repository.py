"""What the readiness check reads of the database."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


async def schema_revision(session: AsyncSession) -> str | None:
    """The migration the database is at (Alembic's version table), None before the first migration."""
    value = await session.scalar(text("SELECT version_num FROM alembic_version"))
    return str(value) if value is not None else None
