"""Every migration runs down and up again on the configured database (SQLite or PostgreSQL)."""

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import func, inspect, select, text

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


async def _run(settings: Settings, statement: str, **values: object) -> list[tuple[object, ...]]:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(text(statement), values)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        await engine.dispose()


def test_an_organisation_verified_before_verifications_keeps_its_badge_and_its_people(settings: Settings) -> None:
    """0023 turns the old verified_at into an approved verification that expires a year after it, and rebuilding
    the organisations table (SQLite's batch mode) deletes nothing that refers to it."""
    config = alembic_config()
    command.downgrade(config, "0022")
    moment = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    try:
        asyncio.run(_run(settings, "INSERT INTO organizations (name, slug, role, country, export_markets, "
                                   "certifications, verified_at, verification_level, created_at, updated_at) VALUES "
                                   "('Old Verified Co', 'old-verified-co', 'supplier', 'CN', '[]', '[]', :moment, "
                                   "'business_licence', :moment, :moment)", moment=moment))
        asyncio.run(_run(settings, "INSERT INTO users (email, password_hash, name, organization_id, member_role, "
                                   "is_platform_admin, created_at) SELECT 'old@example.com', 'x', 'Old Owner', id, "
                                   "'owner', false, :moment FROM organizations WHERE slug = 'old-verified-co'",
                         moment=moment))
        command.upgrade(config, "head")
        rows = asyncio.run(_run(settings, "SELECT o.verified_until, v.kind, v.status, v.issued_on, v.expires_on "
                                          "FROM organizations o JOIN verifications v ON v.organization_id = o.id "
                                          "WHERE o.slug = 'old-verified-co'"))
        people = asyncio.run(_run(settings, "SELECT email FROM users WHERE email = 'old@example.com'"))
    finally:
        command.upgrade(config, "head")
        asyncio.run(_run(settings, "DELETE FROM users WHERE email = 'old@example.com'"))
        asyncio.run(_run(settings, "DELETE FROM organizations WHERE slug = 'old-verified-co'"))
    assert people == [("old@example.com",)]
    [(until, kind, status, issued, expires)] = rows
    assert [str(value) for value in (until, kind, status, issued, expires)] == [
        "2027-03-02", "business_licence", "approved", "2026-03-02", "2027-03-02"]
