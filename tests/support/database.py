"""Brings the test database to an empty, fully migrated state, on SQLite or PostgreSQL."""

import asyncio

from sqlalchemy import text

from app.core.config import Settings
from app.core.db import create_engine, is_sqlite
from app.core.migrations import alembic_config, upgrade_to_head

__all__ = ["alembic_config", "prepare_database"]


async def _reset_postgres_schema(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


def prepare_database(settings: Settings) -> None:
    if not is_sqlite(settings.database_url):
        asyncio.run(_reset_postgres_schema(settings))
    upgrade_to_head()
