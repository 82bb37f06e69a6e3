"""Is this process able to serve? The database answers and holds the schema this code expects (the newest
migration), and the search engine answers. Each check says what it found; none raises."""

from functools import lru_cache

from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.migrations import alembic_config
from app.health import repository
from app.health.schemas import Check, Readiness
from search.backend import SearchBackend


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or "base"


async def _database(session: AsyncSession) -> tuple[Check, Check]:
    try:
        revision = await repository.schema_revision(session)
    except (OSError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        failed = Check(ok=False, detail=f"not reachable: {reason}")
        return failed, Check(ok=False, detail="unknown: the database does not answer")
    head = head_revision()
    at_head = revision == head
    detail = f"at {revision}" if at_head else f"at {revision or 'no migration'}, the code needs {head}: run migrate"
    return Check(ok=True, detail="answers"), Check(ok=at_head, detail=detail)


async def readiness(session: AsyncSession, backend: SearchBackend) -> Readiness:
    database, migrations = await _database(session)
    health = await backend.health()
    search = Check(ok=health.ok, detail=f"{health.engine}: {health.detail}")
    return Readiness(ready=database.ok and migrations.ok and search.ok, database=database, migrations=migrations,
                     search=search)
