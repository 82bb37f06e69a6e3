"""A node of the three-node cluster goes away and comes back (scripts/opensearch_cluster.sh stop-node or kill-node,
then start-node): searches keep answering in full while it is gone, a bulk reindex running through its crash
completes, and `tradeleads search check` then finds SQL and the index the same; workers and nodes killed at random
points while writes go on leave nothing behind. Runs where .ci/run starts the cluster and sets
TRADELEADS_TEST_OPENSEARCH_CLUSTER; everywhere else there is no cluster whose nodes a test may stop."""

import asyncio
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.background.outbox import record_change
from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import Listing
from app.models.enums import EntityType
from search.backend import SearchBackend
from search.check import check
from search.factory import opensearch_hosts
from search.indexer import drain_all
from search.reindex import reindex
from search.types import DocType, SearchQuery
from tests.support.membership import add_listings, new_organization

pytestmark = pytest.mark.skipif(not os.environ.get("TRADELEADS_TEST_OPENSEARCH_CLUSTER"),
                                reason="needs the three-node cluster .ci/run starts (scripts/opensearch_cluster.sh)")

CHAOS_ROUNDS = 20
NODE_CRASH_ROUNDS = {1, 11}
CLUSTER_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "opensearch_cluster.sh"
TRADELEADS = Path(sys.executable).with_name("tradeleads")
L = DocType.LISTINGS


def _node(action: str, number: int) -> None:
    subprocess.run(["bash", str(CLUSTER_SCRIPT), action, str(number)], check=True, capture_output=True, timeout=300)


def _cluster_manager() -> int:
    """The number of the node that is the cluster's manager now (its loss also costs an election)."""
    any_node = opensearch_hosts(os.environ["TRADELEADS_OPENSEARCH_URL"])[0].rstrip("/")
    name = httpx.get(f"{any_node}/_cat/cluster_manager?h=node", timeout=10).text.strip()
    return int(name.rsplit("-", 1)[1])


@dataclass
class Searches:
    """Searches sent one after another until stopped: what each answered, and what failed."""

    totals: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    running: bool = True

    async def run(self, backend: SearchBackend) -> None:
        while self.running:
            try:
                self.totals.append((await backend.search(SearchQuery(L, "listing"))).total)
            except Exception as exc:  # any failure is what the test reports
                self.errors.append(f"{type(exc).__name__}: {exc}")
            await asyncio.sleep(0.05)


async def _catalogue(app: FastAPI, db: AsyncSession, count: int) -> None:
    await add_listings(db, await new_organization(db), count)
    await db.commit()
    await reindex(app.state.sessionmaker, app.state.search, L)


async def test_searches_keep_answering_in_full_while_a_node_is_gone(app: FastAPI, db: AsyncSession) -> None:
    await _catalogue(app, db, 300)
    searches = Searches()
    running = asyncio.create_task(searches.run(app.state.search))
    await asyncio.sleep(1)
    await asyncio.to_thread(_node, "stop-node", 2)
    gone = len(searches.totals)
    await asyncio.sleep(5)
    answered_while_gone = len(searches.totals) - gone
    await asyncio.to_thread(_node, "start-node", 2)
    searches.running = False
    await running

    assert searches.errors == []
    assert answered_while_gone > 10
    assert set(searches.totals) == {300}


async def test_a_reindex_through_the_loss_of_a_node_leaves_the_index_equal_to_sql(app: FastAPI,
                                                                                  db: AsyncSession) -> None:
    await _catalogue(app, db, 100)
    await add_listings(db, await new_organization(db, "Later"), 3900)
    await db.commit()
    batches: list[str] = []
    crashed = _cluster_manager()  # the worst node to lose: writes wait for an election as well as a new primary

    def progressed(_: int) -> None:
        batches.append("after the crash" if len(batches) >= 3 else "before")
        if len(batches) == 3:  # a crash in the middle of the bulk writes: the reindex waits while the node dies
            _node("kill-node", crashed)

    try:
        report = await reindex(app.state.sessionmaker, app.state.search, L, batch_size=50, on_progress=progressed)
    finally:  # back for the tests that follow, whatever happened
        await asyncio.to_thread(_node, "start-node", crashed)

    assert report.indexed == 4000
    assert batches.count("after the crash") == 77  # written while the node was gone
    status, output = await _tradeleads("search", "check", "listings", "--sample", "200")
    assert status == 0, output


async def _tradeleads(*args: str) -> tuple[int, str]:
    """Runs the command as an operator would; its exit status and what it printed."""
    process = await asyncio.create_subprocess_exec(str(TRADELEADS), *args, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.STDOUT)
    output, _ = await asyncio.wait_for(process.communicate(), 300)
    return await process.wait(), output.decode()


async def _edit(db: AsyncSession, ids: list[int], round_number: int) -> None:
    """A batch of listing edits, committed with their outbox rows as the services write them."""
    for listing_id in ids:
        await db.execute(update(Listing).where(Listing.id == listing_id)
                         .values(title=f"Listing {listing_id} edit {round_number}"))
        record_change(db, EntityType.LISTING, listing_id)
    await db.commit()


async def _round(db: AsyncSession, ids: list[int], number: int, rng: random.Random) -> None:
    """Edits keep coming while a worker drains them; the worker is killed (SIGKILL) at a random moment."""
    worker = await asyncio.create_subprocess_exec(str(TRADELEADS), "worker", "--batch-size", "20", "--poll", "0.1",
                                                  stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    kill_at = time.monotonic() + rng.uniform(0.5, 3.0)  # the worker starts in ~1 s: some rounds kill it early
    while time.monotonic() < kill_at:
        await _edit(db, rng.sample(ids, 20), number)
    worker.kill()
    await worker.wait()


async def _recover(app: FastAPI) -> None:
    for _ in range(20):  # a batch with a failure stops the drain; the next pass retries it
        report = await drain_all(app.state.sessionmaker, app.state.search)
        if not report.claimed:
            return
    raise AssertionError("the outbox did not drain")


async def test_workers_and_nodes_killed_at_random_points_leave_the_index_equal_to_sql_every_time(
    app: FastAPI, db: AsyncSession, settings: Settings,
) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("writes go on while workers die on PostgreSQL, as deployed; SQLite has one process")
    rng = random.Random(20261204)
    ids = await add_listings(db, await new_organization(db), 300)
    await db.commit()
    await reindex(app.state.sessionmaker, app.state.search, L)
    node_down: int | None = None
    for number in range(CHAOS_ROUNDS):
        if number in NODE_CRASH_ROUNDS:  # a node crashes too, and comes back after the round's recovery
            node_down = rng.choice([1, 2, 3])
            await asyncio.to_thread(_node, "kill-node", node_down)
        await _round(db, ids, number, rng)
        await _recover(app)  # what the next worker does: drain the outbox, the killed worker's rows included
        report = await check(app.state.sessionmaker, app.state.search, L, sample=300)  # `search check`'s own code
        assert report.ok, f"round {number}: {report}"
        if node_down is not None:
            await asyncio.to_thread(_node, "start-node", node_down)
            node_down = None
    status, output = await _tradeleads("search", "check", "listings", "--sample", "300")
    assert status == 0, output
