"""The outbox indexer: what SQL says is searchable reaches the index after one worker cycle, and nothing else;
failures are retried, poisoned rows parked, crashes lose and duplicate nothing."""

import asyncio
from collections.abc import Sequence
from typing import Any

import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker, is_sqlite
from app.models.enums import ListingStatus
from search.backend import SearchBackend
from search.errors import SearchUnavailable
from search.indexer import drain_all, drain_once
from search.types import BulkOutcome, DocType, Document, SearchQuery
from tests.search.rows import (
    add_listing,
    add_supplier,
    change_listing,
    outbox_rows,
    pending_outbox,
    rename_supplier,
)

L = DocType.LISTINGS


class Wrapper:
    """The real engine behind an edge that can misbehave."""

    def __init__(self, inner: SearchBackend) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class RefusesIds(Wrapper):
    def __init__(self, inner: SearchBackend, refused: set[int]) -> None:
        super().__init__(inner)
        self.refused = refused

    async def bulk_index(self, doc_type: DocType, documents: Sequence[Document],
                         version: str | None = None) -> BulkOutcome:
        accepted = [d for d in documents if d["id"] not in self.refused or doc_type != L]
        outcome = await self.inner.bulk_index(doc_type, accepted, version)
        refused = {d["id"]: "refused by the test" for d in documents if d not in accepted}
        return BulkOutcome({**outcome.failed, **refused})


class DiesAfterWriting(Wrapper):
    """Writes the documents, then the process is killed before the outbox rows are marked."""

    async def bulk_index(self, doc_type: DocType, documents: Sequence[Document],
                         version: str | None = None) -> BulkOutcome:
        await self.inner.bulk_index(doc_type, documents, version)
        raise asyncio.CancelledError


async def titles(backend: SearchBackend, text: str) -> list[str]:
    result = await backend.search(SearchQuery(L, text))
    stored = await backend.fetch(L, [hit.id for hit in result.hits])
    return [stored[hit.id]["title"] for hit in result.hits]


async def test_published_listing_is_searchable_after_one_cycle(app: FastAPI, backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions, "Delta Optics")
    await add_listing(sessions, supplier, "Rangefinder binoculars 10x42", hs_code="900510",
                      price_min=None, country_of_origin="DE")
    assert await titles(backend, "binoculars") == []

    report = await drain_once(sessions, backend)

    assert (len(report.processed), report.failed, await pending_outbox(sessions)) == (2, [], 0)
    assert await titles(backend, "binoculars") == ["Rangefinder binoculars 10x42"]
    [document] = (await backend.fetch(L, list(await backend.ids(L)))).values()
    assert (document["supplier_name"], document["supplier_country"], document["hs_chapter"],
            document["origin_country"]) == ("Delta Optics", "CN", "90", "DE")
    assert "binoculars" in document["hs_description"].lower()
    suppliers = await backend.search(SearchQuery(DocType.SUPPLIERS, "binoculars"))
    assert [hit.id for hit in suppliers.hits] == [supplier]


@pytest.mark.parametrize("status", [ListingStatus.ARCHIVED, ListingStatus.REJECTED, ListingStatus.PENDING_REVIEW])
async def test_a_listing_that_stops_being_published_disappears(app: FastAPI, backend: SearchBackend,
                                                               status: ListingStatus) -> None:
    sessions = app.state.sessionmaker
    listing = await add_listing(sessions, await add_supplier(sessions), "Stainless steel bolts M8")
    await drain_all(sessions, backend)
    assert await titles(backend, "bolts") == ["Stainless steel bolts M8"]

    await change_listing(sessions, listing, status=status)
    await drain_once(sessions, backend)

    assert await titles(backend, "bolts") == []


async def test_drafts_never_appear(app: FastAPI, backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    listing = await add_listing(sessions, await add_supplier(sessions), "Draft copper wire", ListingStatus.DRAFT)
    await change_listing(sessions, listing, title="Draft copper wire, 2 mm")
    await drain_all(sessions, backend)
    assert (await titles(backend, "copper"), await backend.count(L)) == ([], 0)


async def test_a_supplier_rename_reaches_its_listings(app: FastAPI, backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions, "Old Name Ltd")
    listing = await add_listing(sessions, supplier, "Glass jars 500 ml")
    await drain_all(sessions, backend)
    await rename_supplier(sessions, supplier, "Clearview Glassworks")
    await drain_all(sessions, backend)
    assert (await backend.fetch(L, [listing]))[listing]["supplier_name"] == "Clearview Glassworks"


async def test_a_poisoned_row_is_parked_while_the_others_proceed(app: FastAPI, backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions)
    await drain_all(sessions, backend)
    poisoned = await add_listing(sessions, supplier, "Poisoned listing")
    healthy = await add_listing(sessions, supplier, "Healthy listing")
    edge = RefusesIds(backend, {poisoned})

    first = await drain_once(sessions, edge, max_attempts=3)
    assert await backend.ids(L) == {healthy}
    for _ in range(2):
        await drain_once(sessions, edge, max_attempts=3)
    await add_listing(sessions, supplier, "Later listing")
    await drain_once(sessions, edge, max_attempts=3)

    rows = {row.entity_id: row for row in await outbox_rows(sessions) if row.entity_type.value == "listing"}
    assert (len(first.processed), first.failed) == (1, [rows[poisoned].id])
    assert (rows[poisoned].attempts, rows[poisoned].parked_at is not None, rows[poisoned].processed_at) == (3, True,
                                                                                                           None)
    assert rows[poisoned].last_error == f"listings {poisoned}: refused by the test"
    assert (await pending_outbox(sessions), len(await backend.ids(L))) == (0, 2)


async def test_an_unreachable_engine_counts_no_attempt(app: FastAPI, backend: SearchBackend) -> None:
    class Down(Wrapper):
        async def bulk_index(self, *args: Any, **kwargs: Any) -> BulkOutcome:
            raise SearchUnavailable("connection refused")

    sessions = app.state.sessionmaker
    await add_listing(sessions, await add_supplier(sessions), "Solar panel 400 W")
    with pytest.raises(SearchUnavailable):
        await drain_once(sessions, Down(backend))
    assert [row.attempts for row in await outbox_rows(sessions)] == [0, 0]
    assert await pending_outbox(sessions) == 2


async def test_killed_mid_batch_then_restarted_loses_and_duplicates_nothing(app: FastAPI,
                                                                            backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions)
    ids = {await add_listing(sessions, supplier, f"LED bulb E27 {watts} W") for watts in (5, 7, 9, 12)}

    with pytest.raises(asyncio.CancelledError):
        await drain_once(sessions, DiesAfterWriting(backend))
    assert await pending_outbox(sessions) == 5

    report = await drain_all(sessions, backend)

    assert (len(report.processed), await pending_outbox(sessions)) == (5, 0)
    assert (await backend.ids(L), await backend.count(L)) == (ids, 4)
    assert (await backend.search(SearchQuery(L, "led bulb"))).total == 4


@pytest.mark.postgres_only
async def test_two_workers_never_process_the_same_row(app: FastAPI, backend: SearchBackend,
                                                      settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions)
    for number in range(40):
        await add_listing(sessions, supplier, f"Ball bearing 6{number:03d}")
    engines = [create_engine(settings) for _ in range(2)]
    try:
        reports = await asyncio.gather(*(
            drain_all(create_sessionmaker(engine), backend, batch_size=7, worker=f"w{n}")
            for n, engine in enumerate(engines)))
    finally:
        for engine in engines:
            await engine.dispose()
    first, second = (set(report.processed) for report in reports)
    assert first and second and not first & second
    assert len(first | second) == 41 and await pending_outbox(sessions) == 0
    assert await backend.count(L) == 40
