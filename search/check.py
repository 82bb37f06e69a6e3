"""`tradeleads search check`: does the index hold exactly what SQL says is searchable, with the same values?"""

import json
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from search.backend import SearchBackend
from search.documents import build, status_counts_query
from search.reindex import searchable_ids
from search.types import DocType

Sessions = async_sessionmaker[AsyncSession]
FLOAT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class FieldDifference:
    doc_id: int
    field: str
    in_sql: Any
    in_index: Any


@dataclass
class CheckReport:
    doc_type: DocType
    status_counts: dict[str, int]
    expected: int
    indexed: int
    missing: list[int] = field(default_factory=list)
    unexpected: list[int] = field(default_factory=list)
    sampled: int = 0
    differences: list[FieldDifference] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unexpected or self.differences)


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, int | float) and isinstance(right, int | float) and not isinstance(left, bool):
        return abs(float(left) - float(right)) <= FLOAT_TOLERANCE * max(1.0, abs(float(left)))
    return bool(json.loads(json.dumps(left)) == json.loads(json.dumps(right)))


def compare(doc_id: int, in_sql: dict[str, Any], in_index: dict[str, Any]) -> list[FieldDifference]:
    names = sorted(set(in_sql) | set(in_index))
    return [FieldDifference(doc_id, name, in_sql.get(name), in_index.get(name)) for name in names
            if not _same(in_sql.get(name), in_index.get(name))]


async def check(sessions: Sessions, backend: SearchBackend, doc_type: DocType, sample: int = 50) -> CheckReport:
    expected = set(await searchable_ids(sessions, doc_type))
    indexed = await backend.ids(doc_type)
    async with sessions() as session:
        counts = {str(status): int(count) for status, count in await session.execute(status_counts_query(doc_type))}
        shared = sorted(expected & indexed)
        picked = random.sample(shared, min(sample, len(shared)))
        built = await build(session, doc_type, picked)
    stored = await backend.fetch(doc_type, picked)
    report = CheckReport(doc_type, counts, len(expected), len(indexed), sorted(expected - indexed),
                         sorted(indexed - expected), len(picked))
    for doc_id in sorted(picked):
        report.differences += compare(doc_id, built.get(doc_id) or {}, stored.get(doc_id, {}))
    return report
