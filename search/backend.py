"""The one interface every search engine implements (see tests/search for the shared contract)."""

from collections.abc import Sequence
from typing import Protocol

from search.types import BulkOutcome, DocType, Document, Health, SearchQuery, SearchResult


class SearchBackend(Protocol):
    name: str

    async def ensure_ready(self) -> None:
        """Creates the live index of every document type if there is none yet."""

    async def bulk_index(self, doc_type: DocType, documents: Sequence[Document],
                         version: str | None = None) -> BulkOutcome:
        """Adds or replaces documents in the live index (or in `version`, while a reindex builds it)."""

    async def bulk_delete(self, doc_type: DocType, ids: Sequence[int], version: str | None = None) -> BulkOutcome:
        """Removes documents; ids that are not indexed count as removed."""

    async def search(self, query: SearchQuery) -> SearchResult: ...

    async def search_many(self, queries: Sequence[SearchQuery]) -> list[SearchResult]:
        """The results of several searches, in their order, as `search` gives each: one round for the lot (a
        supplier's leads ask one search per listing)."""

    async def suggest(self, doc_type: DocType, prefix: str, size: int = 8) -> list[str]:
        """Completions of what a user is typing: distinct titles (or names) matching the words as prefixes."""

    async def count(self, doc_type: DocType) -> int: ...

    async def ids(self, doc_type: DocType) -> set[int]: ...

    async def fetch(self, doc_type: DocType, ids: Sequence[int]) -> dict[int, Document]:
        """Stored documents by id, as they were indexed."""

    async def health(self) -> Health: ...

    async def create_version(self, doc_type: DocType) -> str:
        """A new, empty versioned index that is not live yet."""

    async def swap_alias(self, doc_type: DocType, version: str) -> None:
        """Atomically makes `version` the live index and drops the one it replaces."""

    async def drop_version(self, version: str) -> None:
        """Removes a versioned index that never went live (an aborted reindex)."""

    async def drop(self) -> None:
        """Removes every index of this backend (tests, scratch runs)."""

    async def close(self) -> None: ...

    async def store_saved_search(self, search_id: int, query: SearchQuery) -> None:
        """Keeps a listing query (its text and filters) under `search_id`, replacing any kept before."""

    async def forget_saved_search(self, search_id: int) -> None:
        """Drops a kept query; an unknown id is already forgotten."""

    async def matching_saved_searches(self, document: Document) -> set[int]:
        """The ids of the kept queries whose search would find this listing document (percolation)."""
