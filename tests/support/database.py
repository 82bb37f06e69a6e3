"""Brings the test database to an empty, fully migrated state, on SQLite or PostgreSQL."""

import asyncio

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.core.config import PROJECT_ROOT, Settings
from app.core.db import create_engine, is_sqlite


async def _reset_postgres_schema(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


def alembic_config() -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    return config


def prepare_database(settings: Settings) -> None:
    if not is_sqlite(settings.database_url):
        asyncio.run(_reset_postgres_schema(settings))
    command.upgrade(alembic_config(), "head")
