"""Rebuilding an index while people search, and comparing SQL with the index."""

import asyncio

from fastapi import FastAPI
from typer.testing import CliRunner

from app.cli import cli
from app.models.enums import ListingStatus
from search.backend import SearchBackend
from search.check import check
from search.indexer import drain_all
from search.reindex import reindex
from search.types import DocType, SearchQuery
from tests.search.rows import add_listing, add_supplier, change_listing

L = DocType.LISTINGS


async def _catalogue(app: FastAPI, backend: SearchBackend, count: int) -> list[int]:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions, "Hydra Pumps")
    ids = [await add_listing(sessions, supplier, f"Centrifugal water pump model CP-{n}") for n in range(count)]
    await drain_all(sessions, backend)
    return ids


async def test_reindex_under_concurrent_searches_returns_results_throughout(app: FastAPI,
                                                                            backend: SearchBackend) -> None:
    ids = await _catalogue(app, backend, 40)
    totals: list[int] = []
    done = asyncio.Event()

    async def searching() -> None:
        while not done.is_set():
            totals.append((await backend.search(SearchQuery(L, "water pump", size=5))).total)
            await asyncio.sleep(0)

    searcher = asyncio.create_task(searching())
    try:
        report = await reindex(app.state.sessionmaker, backend, L, batch_size=4)
    finally:
        done.set()
        await searcher
    totals.append((await backend.search(SearchQuery(L, "water pump", size=5))).total)

    assert (report.indexed, report.caught_up) == (40, 0)
    assert len(totals) >= 3 and set(totals) == {40}
    assert await backend.ids(L) == set(ids)


async def test_reindex_repairs_an_index_that_drifted(app: FastAPI, backend: SearchBackend) -> None:
    ids = await _catalogue(app, backend, 3)
    await backend.bulk_delete(L, [ids[0]])
    await change_listing(app.state.sessionmaker, ids[1], status=ListingStatus.ARCHIVED)

    await reindex(app.state.sessionmaker, backend, L)

    assert await backend.ids(L) == {ids[0], ids[2]}
    assert (await check(app.state.sessionmaker, backend, L)).ok


async def test_check_reports_what_differs(app: FastAPI, backend: SearchBackend) -> None:
    sessions = app.state.sessionmaker
    ids = await _catalogue(app, backend, 3)
    assert (await check(sessions, backend, L)).ok

    await change_listing(sessions, ids[0], title="Submersible pump SP-1")
    await change_listing(sessions, ids[1], status=ListingStatus.ARCHIVED)
    late = await add_listing(sessions, (await backend.fetch(L, [ids[2]]))[ids[2]]["organization_id"], "Late pump")
    report = await check(sessions, backend, L)

    assert not report.ok
    assert (report.expected, report.indexed, report.missing, report.unexpected) == (3, 3, [late], [ids[1]])
    assert [(d.doc_id, d.field, d.in_sql, d.in_index) for d in report.differences] == [
        (ids[0], "title", "Submersible pump SP-1", "Centrifugal water pump model CP-0")]
    assert report.status_counts == {"published": 3, "archived": 1}


async def test_search_check_command_exits_non_zero_on_a_difference(app: FastAPI) -> None:
    engine: SearchBackend = app.state.search
    await engine.drop()
    sessions = app.state.sessionmaker
    listing = await add_listing(sessions, await add_supplier(sessions), "Hydraulic hose 1/2 inch")
    await drain_all(sessions, engine)
    runner = CliRunner()

    clean = await asyncio.to_thread(runner.invoke, cli, ["search", "check", "listings"])
    await change_listing(sessions, listing, title="Hydraulic hose 3/4 inch")
    drifted = await asyncio.to_thread(runner.invoke, cli, ["search", "check", "listings"])

    assert clean.exit_code == 0, clean.output
    assert "The index matches SQL" in clean.output
    assert drifted.exit_code == 1
    assert "title" in drifted.output and "Hydraulic hose 3/4 inch" in drifted.output
