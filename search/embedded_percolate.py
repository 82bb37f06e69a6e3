"""Percolation on the embedded engine: the saved queries live in the index file; a new listing is indexed alone
into an in-memory index and every saved query is run against it with the engine's own search. Typo corrections
consult the live index's vocabulary (attached, only read), as the real search would."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

from search import embedded_schema as schema
from search.percolate import PERCOLATED, dumps, loads
from search.spec import SPECS
from search.types import Document, SearchQuery


def store(connection: sqlite3.Connection, search_id: int, query: SearchQuery) -> None:
    connection.execute("INSERT INTO saved_queries (id, query) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "query = excluded.query", (search_id, dumps(query)))


def forget(connection: sqlite3.Connection, search_id: int) -> None:
    connection.execute("DELETE FROM saved_queries WHERE id = ?", (search_id,))


def stored_queries(connection: sqlite3.Connection) -> dict[int, SearchQuery]:
    return {row[0]: loads(row[1]) for row in connection.execute("SELECT id, query FROM saved_queries")}


def scratch_index(live_path: Path, live_version: str | None, document: Document,
                  index_one: Callable[..., str | None]) -> tuple[sqlite3.Connection, str, str | None]:
    """An in-memory index holding only `document`, with the live index attached for its vocabulary; returns the
    connection, the scratch version and the vocabulary table to consult (None: the scratch index's own)."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    version = schema.new_version_name(PERCOLATED)
    schema.create_tables(connection, SPECS[PERCOLATED], version)
    error = index_one(connection, SPECS[PERCOLATED], version, document)
    if error:
        connection.close()
        raise ValueError(f"listing {document.get('id')} cannot be indexed: {error}")
    vocabulary = None
    if live_version is not None:
        connection.execute("ATTACH DATABASE ? AS live", (str(live_path),))
        vocabulary = f"live.{schema.checked(live_version)}_vocab"
    return connection, version, vocabulary
