"""Rebuilds an index from SQL into a new version and makes it live atomically; searches keep reading the old
version meanwhile. Changes committed during the rebuild are written again after the swap (catch-up pass)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import utcnow
from app.models import Listing, Organization, Rfq
from search.backend import SearchBackend
from search.documents import build, searchable_ids_query
from search.indexer import write_documents
from search.types import DocType

Sessions = async_sessionmaker[AsyncSession]
Progress = Callable[[int], None]


class ReindexFailed(Exception):
    def __init__(self, doc_type: DocType, failed: dict[int, str]) -> None:
        self.failed = failed
        super().__init__(f"{len(failed)} {doc_type.value} documents were refused; the live index is unchanged")


@dataclass(frozen=True)
class ReindexReport:
    doc_type: DocType
    version: str
    indexed: int
    caught_up: int


def _chunks(ids: Sequence[int], size: int) -> list[Sequence[int]]:
    return [ids[start:start + size] for start in range(0, len(ids), size)]


async def searchable_ids(sessions: Sessions, doc_type: DocType) -> list[int]:
    async with sessions() as session:
        return list((await session.scalars(searchable_ids_query(doc_type))).all())


async def _changed_since(session: AsyncSession, doc_type: DocType, since: datetime) -> list[int]:
    if doc_type == DocType.LISTINGS:
        query = select(Listing.id).where(Listing.updated_at >= since)
    elif doc_type == DocType.RFQS:
        query = select(Rfq.id).where(Rfq.updated_at >= since)
    else:
        touched = select(Listing.organization_id).where(Listing.updated_at >= since)
        query = select(Organization.id).where(or_(Organization.updated_at >= since, Organization.id.in_(touched)))
    return list((await session.scalars(query)).all())


async def reindex(sessions: Sessions, backend: SearchBackend, doc_type: DocType, *, batch_size: int = 500,
                  on_total: Callable[[int], None] | None = None, on_progress: Progress | None = None) -> ReindexReport:
    started = utcnow()
    ids = await searchable_ids(sessions, doc_type)
    if on_total:
        on_total(len(ids))
    version = await backend.create_version(doc_type)
    failed: dict[int, str] = {}
    for chunk in _chunks(ids, batch_size):
        async with sessions() as session:
            built = await build(session, doc_type, chunk)
        documents = [document for document in built.values() if document is not None]
        failed.update((await backend.bulk_index(doc_type, documents, version)).failed)
        if on_progress:
            on_progress(len(chunk))
    if failed:
        await backend.drop_version(version)
        raise ReindexFailed(doc_type, failed)
    await backend.swap_alias(doc_type, version)
    async with sessions() as session:
        changed = await _changed_since(session, doc_type, started)
        await write_documents(session, backend, doc_type, changed)
    return ReindexReport(doc_type, version, len(ids), len(changed))
