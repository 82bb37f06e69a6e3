"""Listing imports uploaded through the API and the page: read whole at once (an unusable file is refused with
nothing kept), worked off by a worker in batches with the CLI's engine, progress and row errors by line, and a
worker that stops part-way resumed by the next without importing a row twice."""

import json
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.imports import service
from app.models import Listing, ListingImport
from tests.conftest import Actor, ActorFactory
from tests.support.clock import Travel
from tests.support.pages import csrf_token, sign_up, text_of
from tests.support.problems import assert_problem

HEADER = "title,hs_code,moq,moq_unit,price_min,price_max,currency,incoterm,keywords\n"
GOOD = "Bamboo cutting board {n},441990,500,piece,2.10,2.80,USD,FOB,bamboo;kitchen\n"
CSV = (HEADER + GOOD.format(n=1) + ",441990,500,piece,2.10,2.80,USD,FOB,\n"  # line 3: no title
       + GOOD.format(n=2) + "Steel wok,732393,abc,piece,,,USD,FOB,\n"  # line 5: moq not a number
       + GOOD.format(n=3))


def _file(text: str, name: str = "listings.csv") -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, text.encode(), "text/csv")}


async def _upload(actor: Actor, text: str, name: str = "listings.csv", submit: bool = False) -> httpx.Response:
    return await actor.client.post("/api/v1/listing-imports", files=_file(text, name),
                                   data={"submit": "true" if submit else "false"})


async def _count(db: AsyncSession, model: type[Listing] | type[ListingImport]) -> int:
    db.expire_all()
    return int(await db.scalar(select(func.count()).select_from(model)) or 0)


async def test_an_uploaded_file_is_imported_by_the_worker_with_row_errors_by_line(
        make_actor: ActorFactory, app: FastAPI, db: AsyncSession) -> None:
    supplier = await make_actor("supplier")
    started = await _upload(supplier, CSV)
    assert started.status_code == 202, started.text
    job = started.json()
    assert (job["status"], job["total_rows"], job["handled_rows"]) == ("queued", 5, 0)

    assert await service.work_off_imports(app.state.sessionmaker, app.state.files, "test") == 1

    done = (await supplier.client.get(f"/api/v1/listing-imports/{job['id']}")).json()
    assert (done["status"], done["handled_rows"], done["imported"], done["failed_rows"]) == ("done", 5, 3, 2)
    assert [(error["line"], error["field"]) for error in done["errors"]] == [(3, "title"), (5, "moq")]
    mine = (await supplier.client.get("/api/v1/listings", params={"organization": supplier.organization_slug,
                                                                   "status": "draft"})).json()
    assert sorted(item["title"] for item in mine["items"]) == [f"Bamboo cutting board {n}" for n in (1, 2, 3)]
    assert not list((app.state.settings.files_path / "imports").rglob("*.csv"))  # the file goes once done


async def test_json_lines_and_submitting_each_listing_for_review(make_actor: ActorFactory, app: FastAPI) -> None:
    supplier = await make_actor("supplier")
    lines = [json.dumps({"title": "Cotton tote bag", "hs_code": "420222", "moq": "1000", "moq_unit": "piece",
                         "specs": {"Fabric": "12 oz canvas"}}), "not json", json.dumps(["a list"])]
    job = (await _upload(supplier, "\n".join(lines) + "\n", "bags.jsonl", submit=True)).json()

    await service.work_off_imports(app.state.sessionmaker, app.state.files, "test")

    done = (await supplier.client.get(f"/api/v1/listing-imports/{job['id']}")).json()
    assert (done["imported"], [error["line"] for error in done["errors"]]) == (1, [2, 3])
    listed = (await supplier.client.get("/api/v1/listings", params={"status": "pending_review",
                                                                     "organization": supplier.organization_slug}))
    assert [item["title"] for item in listed.json()["items"]] == ["Cotton tote bag"]


async def test_an_unusable_file_is_refused_at_once_and_nothing_is_kept(make_actor: ActorFactory, app: FastAPI,
                                                                       db: AsyncSession) -> None:
    supplier, buyer = await make_actor("supplier"), await make_actor("buyer")
    cases = {"listings.txt": (CSV, "file_type"), "unknown.csv": ("title,colour\nMug,red\n", "file_unreadable"),
             "empty.csv": (HEADER, "file_empty"), "latin1.csv": ("title\nCaf\xe9", "file_unreadable")}
    for name, (text, code) in cases.items():
        data = text.encode("latin-1") if name == "latin1.csv" else text.encode()
        response = await supplier.client.post("/api/v1/listing-imports", files={"file": (name, data, "text/csv")})
        problem = assert_problem(response, 422, "validation_failed")
        assert [(error["field"], error["code"]) for error in problem["errors"]] == [("file", code)], name
    assert_problem(await _upload(buyer, CSV), 403, "not_a_supplier")
    assert await _count(db, ListingImport) == 0
    assert not (app.state.settings.files_path / "imports").exists()


async def test_a_worker_that_stops_part_way_is_resumed_without_importing_a_row_twice(
        make_actor: ActorFactory, app: FastAPI, db: AsyncSession, monkeypatch: pytest.MonkeyPatch) -> None:
    supplier = await make_actor("supplier")
    rows = "".join(GOOD.format(n=n) for n in range(1, 8))
    job = (await _upload(supplier, HEADER + rows)).json()
    monkeypatch.setattr(service, "BATCH_SIZE", 3)
    record = service._record

    async def stops_at_the_second_batch(job_id: int, session: AsyncSession, handled: int, *rest: object) -> None:
        if handled == 6:
            raise RuntimeError("the worker's machine went away")
        await record(job_id, session, handled, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "_record", stops_at_the_second_batch)
    await service.work_off_imports(app.state.sessionmaker, app.state.files, "first")
    stopped = (await supplier.client.get(f"/api/v1/listing-imports/{job['id']}")).json()
    assert (stopped["status"], stopped["handled_rows"], stopped["imported"]) == ("queued", 3, 3)
    assert await _count(db, Listing) == 3  # the second batch rolled back whole

    monkeypatch.setattr(service, "_record", record)
    await service.work_off_imports(app.state.sessionmaker, app.state.files, "second")

    done = (await supplier.client.get(f"/api/v1/listing-imports/{job['id']}")).json()
    assert (done["status"], done["handled_rows"], done["imported"], done["errors"]) == ("done", 7, 7, [])
    titles = list(await db.scalars(select(Listing.title)))
    assert sorted(titles) == sorted(f"Bamboo cutting board {n}" for n in range(1, 8))


async def test_a_claimed_import_waits_for_its_worker_until_the_lease_runs_out(
        make_actor: ActorFactory, app: FastAPI, db: AsyncSession, travel: Travel) -> None:
    supplier = await make_actor("supplier")
    job = (await _upload(supplier, CSV)).json()
    claimed = await service._claim(app.state.sessionmaker, "stalled-worker")  # claims, then never runs it
    assert claimed == job["id"]

    assert await service.work_off_imports(app.state.sessionmaker, app.state.files, "other") == 0
    assert (await supplier.client.get(f"/api/v1/listing-imports/{job['id']}")).json()["status"] == "running"
    travel(clock.utcnow() + service.LEASE + timedelta(seconds=1))
    assert await service.work_off_imports(app.state.sessionmaker, app.state.files, "other") == 1
    assert await _count(db, Listing) == 3


async def test_someone_elses_import_is_out_of_reach(make_actor: ActorFactory) -> None:
    supplier, other = await make_actor("supplier"), await make_actor("supplier")
    job = (await _upload(supplier, CSV)).json()
    assert_problem(await other.client.get(f"/api/v1/listing-imports/{job['id']}"), 404, "not_found")
    assert (await other.client.get("/api/v1/listing-imports")).json() == []


async def test_the_import_page_uploads_then_shows_progress_and_refused_rows(client: httpx.AsyncClient, app: FastAPI,
                                                                            db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    form = await client.get("/my/listings/import")
    assert form.status_code == 200
    refused = await client.post("/my/listings/import", data={"csrf_token": csrf_token(form.text)},
                                files={"file": ("listings.txt", b"x", "text/plain")})
    assert refused.status_code == 422 and ".csv or .jsonl" in text_of(refused)

    started = await client.post("/my/listings/import", data={"csrf_token": csrf_token(form.text)},
                                files=_file(CSV))
    assert started.status_code == 303
    waiting = await client.get(started.headers["location"])
    assert waiting.headers["refresh"] == "2" and "0 of 5 rows checked" in text_of(waiting)
    await service.work_off_imports(app.state.sessionmaker, app.state.files, "test")
    done = await client.get(started.headers["location"])

    assert "refresh" not in done.headers
    page = text_of(done)
    assert "Done: 3 of 5 rows imported, 2 refused." in page
    assert "<td>3</td><td>title</td>" in page and "<td>5</td><td>moq</td>" in page
    assert "listings.csv" in text_of(await client.get("/my/listings/import"))
