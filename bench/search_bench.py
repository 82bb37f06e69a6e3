"""Search at scale, measured (never asserted): N synthetic listings (bench/search_catalogue.py) in a scratch
database and index, then

- indexing: documents/s of the project's bulk path (SearchBackend.bulk_index, as reindex uses it) and, on
  OpenSearch, of raw opensearch-py `helpers.async_bulk` with the same documents, same mapping and batch size;
- searching: p50/p95/p99 of GET /api/v1/search/listings in-process (httpx ASGITransport against create_app), and of
  the same query sent raw to the engine (OpenSearch: the request body the backend builds, through the client;
  embedded: the engine's own search call), alternated query by query so both see the same noise;
- on OpenSearch, the footprint: primary store bytes per listing of the live index (_cat/indices, read after the
  refresh that ends the bulk and again after the searches, never force-merged) and the node's JVM heap used/max
  after indexing and after the searches (_nodes/stats/jvm).

    python bench/search_bench.py --listings 100000 --backend embedded|opensearch [--queries 300] [--seed 7]
"""

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from opensearchpy import AsyncOpenSearch, helpers
from search_catalogue import INSERT_BATCH, SUPPLIERS, catalogue, insert_catalogue, queries

from app.core.config import Settings, get_settings
from app.main import create_app
from search.backend import SearchBackend
from search.documents import listing_documents
from search.embedded import EmbeddedBackend
from search.evaluation.scratch import Sessions, scratch_database
from search.factory import opensearch_client
from search.opensearch import OpenSearchBackend, index_source
from search.opensearch_mapping import index_body
from search.opensearch_query import search_body
from search.spec import LISTINGS
from search.types import DocType, Document, SearchQuery

BATCH = 500
WARM_UP = 30


async def documents(sessions: Sessions, count: int) -> list[Document]:
    """Built from SQL by the project's own document builder, once, outside every timing."""
    built: list[Document] = []
    for start in range(1, count + 1, INSERT_BATCH):
        async with sessions() as session:
            chunk = await listing_documents(session, range(start, min(start + INSERT_BATCH, count + 1)))
        built.extend(document for document in chunk.values() if document is not None)
    return built


def batches(docs: list[Document]) -> list[list[Document]]:
    return [docs[start:start + BATCH] for start in range(0, len(docs), BATCH)]


async def project_bulk(backend: SearchBackend, docs: list[Document]) -> tuple[str, float]:
    """The live index of the run, built through the project's bulk path; returns it and the docs/s."""
    version = await backend.create_version(DocType.LISTINGS)
    started = time.perf_counter()
    for batch in batches(docs):
        outcome = await backend.bulk_index(DocType.LISTINGS, batch, version)
        assert not outcome.failed, outcome.failed
    elapsed = time.perf_counter() - started
    await backend.swap_alias(DocType.LISTINGS, version)
    return version, len(docs) / elapsed


async def raw_bulk(client: AsyncOpenSearch, index: str, docs: list[Document]) -> float:
    await client.indices.create(index=index, body=index_body(LISTINGS))
    actions = [{"_index": index, "_id": str(doc["id"]), "_source": index_source(LISTINGS, doc)} for doc in docs]
    started = time.perf_counter()
    await helpers.async_bulk(client, actions, chunk_size=BATCH, refresh=False)
    elapsed = time.perf_counter() - started
    await client.indices.delete(index=index)
    return len(docs) / elapsed


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def timed(call: Awaitable[object]) -> float:
    started = time.perf_counter()
    await call
    return (time.perf_counter() - started) * 1000


async def latencies(settings: Settings, raw: Callable[[str], Awaitable[object]],
                    texts: list[str]) -> tuple[list[float], list[float]]:
    app = create_app(settings)
    api: list[float] = []
    direct: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        async def through_api(text: str) -> None:
            response = await client.get("/api/v1/search/listings", params={"q": text})
            assert response.status_code == 200, response.text

        for number, text in enumerate(texts):
            if number % 2:
                api_ms, raw_ms = await timed(through_api(text)), await timed(raw(text))
            else:
                raw_ms, api_ms = await timed(raw(text)), await timed(through_api(text))
            if number >= WARM_UP:
                api.append(api_ms)
                direct.append(raw_ms)
    await app.state.search.close()
    await app.state.engine.dispose()
    return api, direct


def summary(name: str, samples: list[float]) -> dict[str, float]:
    p50, p95, p99 = statistics.median(samples), percentile(samples, 0.95), percentile(samples, 0.99)
    print(f"  {name:<5} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   p99 {p99:7.2f} ms   ({len(samples)} queries)")
    return {"p50_ms": round(p50, 2), "p95_ms": round(p95, 2), "p99_ms": round(p99, 2)}


async def index_size(client: AsyncOpenSearch, index: str, when: str) -> dict[str, int]:
    """Bytes on disk of the index as it stands (no force-merge), and per document of the primary store."""
    row = (await client.cat.indices(index=index, params={"bytes": "b", "format": "json"}))[0]
    docs, primary, total = int(row["docs.count"]), int(row["pri.store.size"]), int(row["store.size"])
    per_doc = primary // max(docs, 1)
    print(f"  index {when}: {docs:,} docs, primary store {primary:,} B ({per_doc:,} B/listing), "
          f"total store {total:,} B")
    return {"docs": docs, "pri_store_bytes": primary, "store_bytes": total, "pri_bytes_per_listing": per_doc}


async def heap(client: AsyncOpenSearch, when: str) -> dict[str, int]:
    """JVM heap of the cluster's nodes, summed (the benchmark's node is a single one)."""
    nodes = (await client.nodes.stats(metric="jvm"))["nodes"].values()
    used = sum(node["jvm"]["mem"]["heap_used_in_bytes"] for node in nodes)
    ceiling = sum(node["jvm"]["mem"]["heap_max_in_bytes"] for node in nodes)
    print(f"  heap {when}: used {used / 2**20:,.0f} MiB of max {ceiling / 2**20:,.0f} MiB "
          f"({100 * used / ceiling:.0f}%, {len(nodes)} node(s))")
    return {"heap_used_bytes": used, "heap_max_bytes": ceiling, "nodes": len(nodes)}


async def run(kind: str, count: int, query_count: int, seed: int) -> dict[str, Any]:
    base = get_settings()
    rows = catalogue(count, seed)
    texts = queries(rows, query_count + WARM_UP, seed)
    with tempfile.TemporaryDirectory(prefix="tradeleads-bench-") as folder:
        settings = base.model_copy(update={
            "database_url": f"sqlite+aiosqlite:///{Path(folder) / 'eval.db'}",
            "search_index_path": Path(folder) / "search.sqlite3", "var_dir": Path(folder),
            "search_index_prefix": f"{base.search_index_prefix}bench-{uuid.uuid4().hex[:8]}-",
            "opensearch_url": base.opensearch_url if kind == "opensearch" else None})
        async with scratch_database(Path(folder)) as sessions:
            started = time.perf_counter()
            await insert_catalogue(sessions, rows, SUPPLIERS, "bench-search")
            docs = await documents(sessions, count)
        print(f"{kind}: {len(docs)} listings in SQL and built as documents in {time.perf_counter() - started:.1f} s")
        return await measure(kind, settings, docs, texts)


async def measure(kind: str, settings: Settings, docs: list[Document], texts: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {"backend": kind, "listings": len(docs)}
    backend: SearchBackend
    if kind == "opensearch":
        client = AsyncOpenSearch(hosts=[settings.opensearch_url], timeout=120)
        backend = OpenSearchBackend(opensearch_client(settings), settings.search_index_prefix, refresh=False)
        try:
            await raw_bulk(client, f"{settings.search_index_prefix}warmup", docs[:2000])
            raw_rate = await raw_bulk(client, f"{settings.search_index_prefix}raw", docs)
            version, rate = await project_bulk(backend, docs)
            result["index_after_indexing"] = await index_size(client, version, "after indexing")
            result["heap_after_indexing"] = await heap(client, "after indexing")
        except BaseException:
            await backend.drop()
            await backend.close()
            await client.close()
            raise
        alias = backend.alias(DocType.LISTINGS)

        async def raw(text: str) -> object:
            return await client.search(index=alias, body=search_body(SearchQuery(DocType.LISTINGS, text)))
        result["indexing"] = {"project_docs_per_s": round(rate), "raw_bulk_docs_per_s": round(raw_rate),
                              "ratio": round(rate / raw_rate, 3)}
        print(f"  indexing: project {rate:,.0f} docs/s, raw helpers.async_bulk {raw_rate:,.0f} docs/s, "
              f"ratio {rate / raw_rate:.2f}")
    else:
        backend = EmbeddedBackend(settings.embedded_index_path)
        _, rate = await project_bulk(backend, docs)

        async def raw(text: str) -> object:
            return await backend.search(SearchQuery(DocType.LISTINGS, text))
        result["indexing"] = {"project_docs_per_s": round(rate)}
        print(f"  indexing: project {rate:,.0f} docs/s (no raw bulk client for the embedded engine)")
    try:
        api, direct = await latencies(settings, raw, texts)
        result["api"], result["raw"] = summary("api", api), summary("raw", direct)
        result["p95_ratio"] = round(result["api"]["p95_ms"] / result["raw"]["p95_ms"], 3)
        result["p50_ratio"] = round(result["api"]["p50_ms"] / result["raw"]["p50_ms"], 3)
        print(f"  api/raw: p50 {result['p50_ratio']:.2f}x, p95 {result['p95_ratio']:.2f}x")
        if kind == "opensearch":
            result["index_after_search"] = await index_size(client, alias, "after searches")
            result["heap_after_search"] = await heap(client, "after searches")
    finally:
        await backend.drop()
        await backend.close()
        if kind == "opensearch":
            await client.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--backend", choices=["embedded", "opensearch"], default="embedded")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.backend == "opensearch" and not get_settings().opensearch_url:
        parser.error("set TRADELEADS_OPENSEARCH_URL to measure OpenSearch")
    print(json.dumps(asyncio.run(run(args.backend, args.listings, args.queries, args.seed))))


if __name__ == "__main__":
    main()
