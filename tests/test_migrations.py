"""Every migration runs down and up again on the configured database (SQLite or PostgreSQL)."""

import asyncio

from alembic import command
from sqlalchemy import func, inspect, select

from app.core.config import Settings
from app.core.db import create_engine
from app.models import Base, HsCode
from tests.support.database import alembic_config


async def _tables_and_hs_count(settings: Settings) -> tuple[set[str], int]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
            count = await connection.scalar(select(func.count()).select_from(HsCode)) if "hs_codes" in tables else 0
            return tables, count or 0
    finally:
        await engine.dispose()


def _state(settings: Settings) -> tuple[set[str], int]:
    return asyncio.run(_tables_and_hs_count(settings))


def test_downgrade_to_base_and_upgrade_again(settings: Settings) -> None:
    config = alembic_config()

    command.downgrade(config, "base")
    assert _state(settings) == ({"alembic_version"}, 0)

    command.upgrade(config, "head")
    tables, hs_rows = _state(settings)
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert hs_rows == 97 + 1229 + 5613
