"""Drains the outbox into the search backend.

A batch is claimed in one transaction (on PostgreSQL with FOR UPDATE SKIP LOCKED, so several workers never take
the same row); its documents are built from SQL and written; rows are marked processed only after the engine
acknowledged, in that same transaction. If the process dies before the commit, the rows stay pending and the
next drain writes the same documents again: nothing is lost, and writes by id never duplicate a document.
Rows whose documents the engine refuses get their attempt counted and are parked after `max_attempts`; an
unreachable engine aborts the batch without counting attempts."""

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.attempts import MAX_ERROR_LENGTH, count_failure
from app.core.clock import utcnow
from app.core.jobs import claim_batch
from app.models import Listing, OutboxEvent, Rfq
from app.models.enums import EntityType, ListingStatus, RfqStatus
from search.backend import SearchBackend
from search.documents import build
from search.types import DocType

logger = logging.getLogger(__name__)
Sessions = async_sessionmaker[AsyncSession]
DocKey = tuple[DocType, int]
PRIMARY = {EntityType.LISTING: DocType.LISTINGS, EntityType.RFQ: DocType.RFQS,
           EntityType.ORGANIZATION: DocType.SUPPLIERS}


@dataclass
class DrainReport:
    processed: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    parked: list[int] = field(default_factory=list)

    @property
    def claimed(self) -> int:
        return len(self.processed) + len(self.failed)


async def claim(session: AsyncSession, batch_size: int, worker: str) -> list[OutboxEvent]:
    return await claim_batch(session, OutboxEvent, OutboxEvent.pending(), batch_size, worker)


async def _affected(session: AsyncSession, events: Sequence[OutboxEvent]) -> dict[DocKey, set[int]]:
    """Each document to rewrite, with the outbox rows that caused it. A listing's supplier document lists its
    products; an organisation's name and country are part of its listings' and RFQs' documents."""
    causes: dict[DocKey, set[int]] = defaultdict(set)
    by_type: dict[EntityType, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for event in events:
        causes[(PRIMARY[event.entity_type], event.entity_id)].add(event.id)
        by_type[event.entity_type][event.entity_id].add(event.id)
    listings = by_type[EntityType.LISTING]
    for listing_id, organization_id in await session.execute(
            select(Listing.id, Listing.organization_id).where(Listing.id.in_(listings))):
        causes[(DocType.SUPPLIERS, organization_id)] |= listings[listing_id]
    organizations = by_type[EntityType.ORGANIZATION]
    if organizations:
        derived = [(DocType.LISTINGS, select(Listing.id, Listing.organization_id).where(
                       Listing.organization_id.in_(organizations), Listing.status == ListingStatus.PUBLISHED)),
                   (DocType.RFQS, select(Rfq.id, Rfq.organization_id).where(
                       Rfq.organization_id.in_(organizations), Rfq.status == RfqStatus.OPEN))]
        for doc_type, query in derived:
            for doc_id, organization_id in await session.execute(query):
                causes[(doc_type, doc_id)] |= organizations[organization_id]
    return causes


async def write_documents(session: AsyncSession, backend: SearchBackend, doc_type: DocType,
                          ids: Sequence[int], version: str | None = None) -> dict[int, str]:
    """Indexes the searchable ones among `ids` and deletes the others; returns the refused ids with reasons."""
    built = await build(session, doc_type, ids)
    documents = [document for document in built.values() if document is not None]
    gone = [doc_id for doc_id, document in built.items() if document is None]
    failed = dict((await backend.bulk_index(doc_type, documents, version)).failed)
    failed.update((await backend.bulk_delete(doc_type, gone, version)).failed)
    return failed


async def _apply(session: AsyncSession, backend: SearchBackend, events: Sequence[OutboxEvent]) -> dict[int, str]:
    """Writes every affected document; returns the outbox ids whose documents were refused, with the reason."""
    causes = await _affected(session, events)
    grouped: dict[DocType, list[int]] = defaultdict(list)
    for doc_type, doc_id in causes:
        grouped[doc_type].append(doc_id)
    errors: dict[int, str] = {}
    for doc_type, ids in grouped.items():
        for doc_id, reason in (await write_documents(session, backend, doc_type, sorted(ids))).items():
            for event_id in causes.get((doc_type, doc_id), set()):
                errors.setdefault(event_id, f"{doc_type.value} {doc_id}: {reason}"[:MAX_ERROR_LENGTH])
    return errors


async def drain_once(sessions: Sessions, backend: SearchBackend, *, batch_size: int = 100,
                     worker: str = "worker", max_attempts: int = 5) -> DrainReport:
    """One batch. Raises SearchUnavailable (nothing marked) when the engine cannot be reached."""
    report = DrainReport()
    async with sessions() as session, session.begin():
        events = await claim(session, batch_size, worker)
        if not events:
            return report
        errors = await _apply(session, backend, events)
        now = utcnow()
        for event in events:
            if event.id not in errors:
                event.processed_at, event.last_error = now, None
                report.processed.append(event.id)
                continue
            report.failed.append(event.id)
            if count_failure(event, errors[event.id], max_attempts, now):
                report.parked.append(event.id)
                logger.error("outbox row %s parked after %s attempts: %s", event.id, event.attempts,
                             event.last_error)
    return report


async def drain_all(sessions: Sessions, backend: SearchBackend, *, batch_size: int = 100, worker: str = "worker",
                    max_attempts: int = 5, max_batches: int | None = None) -> DrainReport:
    """Batches until nothing is pending; stops at the first refused document so that retries are spaced by the
    caller's backoff instead of spending every attempt of a poisoned row at once."""
    total = DrainReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        report = await drain_once(sessions, backend, batch_size=batch_size, worker=worker,
                                  max_attempts=max_attempts)
        batches += 1
        total.processed += report.processed
        total.failed += report.failed
        total.parked += report.parked
        if report.claimed < batch_size or report.failed:
            break
    return total
