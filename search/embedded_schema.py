"""Tables of the embedded engine: one set per versioned index, named `<type>_v<timestamp>_<part>`."""

import re
import sqlite3
from datetime import UTC, datetime

from search.spec import CODES_FIELD, IndexSpec
from search.types import DocType

TOKENIZER = "porter unicode61 remove_diacritics 2"
_VERSION = re.compile(r"^(listings|rfqs|suppliers)_v\d{20}$")

ALIASES_DDL = "CREATE TABLE IF NOT EXISTS aliases (doc_type TEXT PRIMARY KEY, version TEXT NOT NULL)"
SAVED_QUERIES_DDL = "CREATE TABLE IF NOT EXISTS saved_queries (id INTEGER PRIMARY KEY, query TEXT NOT NULL)"


def new_version_name(doc_type: DocType) -> str:
    return f"{doc_type.value}_v{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def checked(version: str) -> str:
    """Version names are formatted into SQL; only names this module made are accepted."""
    if not _VERSION.match(version):
        raise ValueError(f"not an index version: {version!r}")
    return version


def fts_columns(spec: IndexSpec) -> list[str]:
    return [*spec.text, CODES_FIELD]


def create_tables(connection: sqlite3.Connection, spec: IndexSpec, version: str) -> None:
    v = checked(version)
    numbers = "".join(f", {name} REAL" for name in spec.numbers)
    connection.execute(f"CREATE TABLE {v}_docs (id INTEGER PRIMARY KEY, organization_id INTEGER NOT NULL, "
                       f"rank_multiplier REAL NOT NULL{numbers}, doc TEXT NOT NULL)")
    connection.execute(f"CREATE TABLE {v}_terms (doc_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL)")
    connection.execute(f"CREATE INDEX {v}_terms_value ON {v}_terms (field, value, doc_id)")
    connection.execute(f"CREATE INDEX {v}_terms_doc ON {v}_terms (doc_id, field, value)")
    columns = ", ".join(fts_columns(spec))
    connection.execute(f"CREATE VIRTUAL TABLE {v}_fts USING fts5({columns}, tokenize='{TOKENIZER}', "
                       "prefix='2 3')")
    connection.execute(f"CREATE TABLE {v}_vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")
    for name in spec.numbers:
        connection.execute(f"CREATE INDEX {v}_docs_{name} ON {v}_docs ({name})")


def drop_tables(connection: sqlite3.Connection, version: str) -> None:
    v = checked(version)
    for part in ("docs", "terms", "fts", "vocab"):
        connection.execute(f"DROP TABLE IF EXISTS {v}_{part}")
