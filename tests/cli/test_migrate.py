from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.core.migrations import alembic_config
from app.models import HsCode

HS_ROWS = 97 + 1229 + 5613


async def test_migrate_twice_leaves_the_database_at_head_with_the_hs_table_once(app, run_cli, count_rows):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()

    first = await run_cli("migrate")
    second = await run_cli("migrate")

    assert (first.exit_code, second.exit_code) == (0, 0)
    assert second.output == f"Database is at revision {head} (head).\n"
    async with app.state.sessionmaker() as session:
        assert list(await session.scalars(text("SELECT version_num FROM alembic_version"))) == [head]
    assert await count_rows(HsCode) == HS_ROWS
