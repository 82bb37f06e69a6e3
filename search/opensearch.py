"""The OpenSearch engine: a versioned index per document type behind an alias, written and read asynchronously."""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp
from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import OpenSearchException

from search import opensearch_percolate as percolator
from search import opensearch_query as q
from search.errors import SearchUnavailable
from search.opensearch_mapping import SUGGEST_FIELD, index_body
from search.percolate import PERCOLATED
from search.spec import CODES_FIELD, SPECS, IndexSpec, document_codes
from search.types import BulkOutcome, DocType, Document, Health, SearchQuery, SearchResult

logger = logging.getLogger(__name__)
T = TypeVar("T")
SCAN_PAGE = 5000
DERIVED_FIELDS = (CODES_FIELD, SUGGEST_FIELD)
# A write waits while the cluster replaces a lost node's primary (or elects a new cluster manager): seconds, more than
# a search's 10 s. The server gives up after its own default of a minute; the client waits a little longer.
WRITE_TIMEOUT_SECONDS = 65
COPIES_WAIT_SECONDS = 30


def index_source(spec: IndexSpec, document: Document) -> dict[str, Any]:
    """What is sent to the engine for a document: its fields plus the derived code and suggest fields."""
    return {**document, CODES_FIELD: " ".join(document_codes(spec, document)),
            SUGGEST_FIELD: document.get(spec.suggest_field) or ""}


class OpenSearchBackend:
    name = "opensearch"

    def __init__(self, client: AsyncOpenSearch, prefix: str, refresh: bool = True) -> None:
        """`refresh`: writes to the live index are searchable as soon as they are acknowledged."""
        self.client = client
        self.prefix = prefix
        self.refresh = refresh
        self._ready: set[DocType] = set()
        self._percolator_ready = False

    def alias(self, doc_type: DocType) -> str:
        return f"{self.prefix}{doc_type.value}"

    async def _call(self, work: Callable[[], Awaitable[T]]) -> T:
        try:
            return await work()
        except (OpenSearchException, aiohttp.ClientError, OSError) as exc:
            logger.warning("opensearch request failed: %s", exc)
            raise SearchUnavailable(f"opensearch: {exc}") from exc

    # -- versions and aliases

    async def _live_indices(self, doc_type: DocType) -> list[str]:
        alias = self.alias(doc_type)
        if not await self.client.indices.exists_alias(name=alias):
            return []
        return sorted(await self.client.indices.get_alias(name=alias))

    async def _ensure(self, doc_type: DocType) -> None:
        if doc_type in self._ready:
            return

        async def work() -> None:
            if not await self._live_indices(doc_type):
                version = await self.create_version(doc_type)
                await self.swap_alias(doc_type, version)
        await self._call(work)
        self._ready.add(doc_type)

    async def ensure_ready(self) -> None:
        for doc_type in DocType:
            await self._ensure(doc_type)

    async def create_version(self, doc_type: DocType) -> str:
        """A new, empty index that nobody searches yet: it is not refreshed while it is filled in bulk
        (swap_alias turns refreshing back on), so the engine spends the time on indexing."""
        version = f"{self.alias(doc_type)}_v{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        body = index_body(SPECS[doc_type])
        body["settings"]["index"]["refresh_interval"] = "-1"
        # Filled only once every copy has started: a replica still recovering when the primary's node is lost cannot
        # take over, and the version (and a reindex writing into it) would stay red until that node came back.
        await self._call(lambda: self.client.indices.create(index=version, body=body, wait_for_active_shards="all",
                                                            timeout=f"{COPIES_WAIT_SECONDS}s",
                                                            request_timeout=COPIES_WAIT_SECONDS + 5))
        return version

    async def swap_alias(self, doc_type: DocType, version: str) -> None:
        alias = self.alias(doc_type)

        async def work() -> None:
            await self.client.indices.put_settings(index=version, body={"index": {"refresh_interval": None}})
            await self.client.indices.refresh(index=version)
            # Live only once every copy is in sync: a replica still recovering from its primary is no spare, and a
            # node lost then would take the only copy of the live index with it. Bounded; a timeout (408) goes on.
            await self.client.cluster.health(index=version, wait_for_no_initializing_shards=True,
                                             timeout=f"{COPIES_WAIT_SECONDS}s", ignore=408,
                                             request_timeout=COPIES_WAIT_SECONDS + 5)
            old = [index for index in await self._live_indices(doc_type) if index != version]
            actions: list[dict[str, Any]] = [{"remove": {"index": index, "alias": alias}} for index in old]
            actions.append({"add": {"index": version, "alias": alias}})
            await self.client.indices.update_aliases(body={"actions": actions})
            for index in old:
                await self.client.indices.delete(index=index, ignore_unavailable=True)
        await self._call(work)
        self._ready.add(doc_type)

    async def drop_version(self, version: str) -> None:
        await self._call(lambda: self.client.indices.delete(index=version, ignore_unavailable=True))

    async def drop(self) -> None:
        await self._call(lambda: self.client.indices.delete(index=f"{self.prefix}*", expand_wildcards="all"))
        self._ready.clear()
        self._percolator_ready = False

    # -- writing

    async def _bulk(self, doc_type: DocType, actions: list[dict[str, Any]], version: str | None) -> BulkOutcome:
        if not actions:
            return BulkOutcome()
        if version is None:
            await self._ensure(doc_type)
        index = version or self.alias(doc_type)
        refresh = "true" if self.refresh and version is None else "false"
        response = await self._call(lambda: self.client.bulk(body=actions, index=index, refresh=refresh,
                                                             request_timeout=WRITE_TIMEOUT_SECONDS))
        failed: dict[int, str] = {}
        for item in response["items"]:
            (operation, result), = item.items()
            missing_on_delete = operation == "delete" and result.get("status") == 404
            if "error" in result and not missing_on_delete:
                failed[int(result["_id"])] = str(result["error"].get("reason", result["error"]))
        return BulkOutcome(failed)

    async def bulk_index(self, doc_type: DocType, documents: Sequence[Document],
                         version: str | None = None) -> BulkOutcome:
        spec = SPECS[doc_type]
        actions: list[dict[str, Any]] = []
        for document in documents:
            actions += [{"index": {"_id": str(document["id"])}}, index_source(spec, document)]
        return await self._bulk(doc_type, actions, version)

    async def bulk_delete(self, doc_type: DocType, ids: Sequence[int], version: str | None = None) -> BulkOutcome:
        return await self._bulk(doc_type, [{"delete": {"_id": str(doc_id)}} for doc_id in ids], version)

    # -- reading

    async def _search_raw(self, doc_type: DocType, body: dict[str, Any]) -> dict[str, Any]:
        await self._ensure(doc_type)
        response: dict[str, Any] = await self._call(lambda: self.client.search(index=self.alias(doc_type), body=body))
        return response

    async def search(self, query: SearchQuery) -> SearchResult:
        body = q.search_body(query)
        return q.read_result(query, await self._search_raw(query.doc_type, body))

    async def search_many(self, queries: Sequence[SearchQuery]) -> list[SearchResult]:
        return list(await asyncio.gather(*(self.search(query) for query in queries)))

    async def suggest(self, doc_type: DocType, prefix: str, size: int = 8) -> list[str]:
        if not prefix.strip():
            return []
        response = await self._search_raw(doc_type, q.suggest_body(prefix, size))
        seen: dict[str, str] = {}
        for hit in response["hits"]["hits"]:
            title = str(hit["_source"].get(SUGGEST_FIELD, ""))
            seen.setdefault(title.casefold(), title)
        return list(seen.values())[:size]

    async def count(self, doc_type: DocType) -> int:
        await self._ensure(doc_type)
        response = await self._call(lambda: self.client.count(index=self.alias(doc_type)))
        return int(response["count"])

    async def ids(self, doc_type: DocType) -> set[int]:
        found: set[int] = set()
        after: list[Any] | None = None
        while True:
            body: dict[str, Any] = {"size": SCAN_PAGE, "_source": False, "sort": [{"id": "asc"}]}
            if after is not None:
                body["search_after"] = after
            hits = (await self._search_raw(doc_type, body))["hits"]["hits"]
            found.update(int(hit["_id"]) for hit in hits)
            if len(hits) < SCAN_PAGE:
                return found
            after = hits[-1]["sort"]

    async def fetch(self, doc_type: DocType, ids: Sequence[int]) -> dict[int, Document]:
        if not ids:
            return {}
        await self._ensure(doc_type)
        response = await self._call(lambda: self.client.mget(index=self.alias(doc_type),
                                                             body={"ids": [str(i) for i in ids]}))
        return {int(doc["_id"]): {k: v for k, v in doc["_source"].items() if k not in DERIVED_FIELDS}
                for doc in response["docs"] if doc.get("found")}

    async def health(self) -> Health:
        try:
            response = await self._call(lambda: self.client.cluster.health())
        except SearchUnavailable as exc:
            return Health(False, self.name, str(exc))
        status = str(response.get("status"))
        return Health(status in ("green", "yellow"), self.name, f"cluster {status}")

    async def close(self) -> None:
        await self.client.close()

    # -- saved searches (percolation)

    async def _percolator(self) -> str:
        name = percolator.index_name(self.prefix)
        if not self._percolator_ready:
            async def work() -> None:
                if not await self.client.indices.exists(index=name):
                    await self.client.indices.create(index=name, body=percolator.percolator_index_body())
            await self._call(work)
            self._percolator_ready = True
        return name

    async def store_saved_search(self, search_id: int, query: SearchQuery) -> None:
        name = await self._percolator()
        await self._call(lambda: self.client.index(index=name, id=str(search_id),
                                                   body=percolator.stored_query(query), refresh="true"))

    async def forget_saved_search(self, search_id: int) -> None:
        name = await self._percolator()
        await self._call(lambda: self.client.delete(index=name, id=str(search_id), refresh="true",
                                                    params={"ignore": 404}))

    async def matching_saved_searches(self, document: Document) -> set[int]:
        name = await self._percolator()
        source = index_source(SPECS[PERCOLATED], document)
        response = await self._call(lambda: self.client.search(index=name, body=percolator.percolate_body(source)))
        return {int(hit["_id"]) for hit in response["hits"]["hits"]}
