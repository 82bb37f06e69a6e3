"""The embedded engine: SQLite FTS5 in its own file, no server. One short-lived connection per operation in a
worker thread; WAL lets searches read a consistent snapshot while a writer indexes."""

import asyncio
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from search import embedded_percolate as percolate
from search import embedded_query as q
from search import embedded_schema as schema
from search.cursor import decode, encode
from search.errors import SearchUnavailable
from search.highlight import marked
from search.normalise import terms
from search.percolate import PERCOLATED
from search.spec import SPECS, IndexSpec, document_codes, keyword_values, range_label, text_value
from search.types import BulkOutcome, DocType, Document, Facet, FacetBucket, Health, Hit, SearchQuery, SearchResult

T = TypeVar("T")
FACET_SIZE = 20
START, STOP = "\x02", "\x03"


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._set_up = False

    def _connect(self) -> sqlite3.Connection:
        # WAL is a property of the file and the two tables outlive the connection: set up once per file (again if
        # the file is gone), since each search opens a connection and the set-up cost more than a lead search.
        fresh = not self._set_up or not self.path.exists()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        if fresh:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(schema.ALIASES_DDL)
            connection.execute(schema.SAVED_QUERIES_DDL)
            self._set_up = True
        return connection

    def _transaction(self, work: Callable[[sqlite3.Connection], T], write: bool) -> T:
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            result = work(connection)
            connection.execute("COMMIT")
            return result
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    async def _run(self, work: Callable[[sqlite3.Connection], T], write: bool = False) -> T:
        try:
            return await asyncio.to_thread(self._transaction, work, write)
        except sqlite3.Error as exc:
            raise SearchUnavailable(f"embedded index: {exc}") from exc

    # -- versions and aliases

    @staticmethod
    def _live(connection: sqlite3.Connection, doc_type: DocType) -> str | None:
        row = connection.execute("SELECT version FROM aliases WHERE doc_type = ?", (doc_type.value,)).fetchone()
        return schema.checked(row[0]) if row else None

    def _live_or_new(self, connection: sqlite3.Connection, doc_type: DocType) -> str:
        version = self._live(connection, doc_type)
        if version is None:
            version = schema.new_version_name(doc_type)
            schema.create_tables(connection, SPECS[doc_type], version)
            connection.execute("INSERT INTO aliases (doc_type, version) VALUES (?, ?)", (doc_type.value, version))
        return version

    async def ensure_ready(self) -> None:
        def work(connection: sqlite3.Connection) -> None:
            for doc_type in DocType:
                self._live_or_new(connection, doc_type)
        await self._run(work, write=True)

    async def create_version(self, doc_type: DocType) -> str:
        version = schema.new_version_name(doc_type)
        await self._run(lambda connection: schema.create_tables(connection, SPECS[doc_type], version), write=True)
        return version

    async def swap_alias(self, doc_type: DocType, version: str) -> None:
        def work(connection: sqlite3.Connection) -> None:
            old = self._live(connection, doc_type)
            connection.execute("INSERT INTO aliases (doc_type, version) VALUES (?, ?) ON CONFLICT (doc_type) "
                               "DO UPDATE SET version = excluded.version", (doc_type.value, schema.checked(version)))
            if old and old != version:
                schema.drop_tables(connection, old)
        await self._run(work, write=True)

    async def drop_version(self, version: str) -> None:
        await self._run(lambda connection: schema.drop_tables(connection, version), write=True)

    async def drop(self) -> None:
        def work(connection: sqlite3.Connection) -> None:
            names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for version in {name.rsplit("_", 1)[0] for name in names if name.endswith("_docs")}:
                schema.drop_tables(connection, version)
            connection.execute("DELETE FROM aliases")
        await self._run(work, write=True)

    # -- writing

    async def bulk_index(self, doc_type: DocType, documents: Sequence[Document],
                         version: str | None = None) -> BulkOutcome:
        spec = SPECS[doc_type]

        def work(connection: sqlite3.Connection) -> BulkOutcome:
            target = schema.checked(version) if version else self._live_or_new(connection, doc_type)
            failed: dict[int, str] = {}
            for document in documents:
                error = _index_one(connection, spec, target, document)
                if error:
                    failed[int(document.get("id") or 0)] = error
            return BulkOutcome(failed)
        return await self._run(work, write=True)

    async def bulk_delete(self, doc_type: DocType, ids: Sequence[int], version: str | None = None) -> BulkOutcome:
        def work(connection: sqlite3.Connection) -> BulkOutcome:
            target = schema.checked(version) if version else self._live_or_new(connection, doc_type)
            for doc_id in ids:
                _delete_one(connection, target, doc_id)
            return BulkOutcome()
        return await self._run(work, write=True)

    # -- reading

    async def search(self, query: SearchQuery) -> SearchResult:
        return await self._run(lambda connection: _search(connection, self._live(connection, query.doc_type), query))

    async def search_many(self, queries: Sequence[SearchQuery]) -> list[SearchResult]:
        """In one thread on one connection: a thread and a connection for each would cost more than the searches."""
        def work(connection: sqlite3.Connection) -> list[SearchResult]:
            results = []
            for query in queries:
                results.append(_search(connection, self._live(connection, query.doc_type), query))
                _drop_temporary(connection)
            return results

        return await self._run(work) if queries else []

    async def suggest(self, doc_type: DocType, prefix: str, size: int = 8) -> list[str]:
        spec = SPECS[doc_type]
        expression = q.prefix_expression(spec, prefix)

        def work(connection: sqlite3.Connection) -> list[str]:
            v = self._live(connection, doc_type)
            if v is None or expression is None:
                return []
            rows = connection.execute(
                f"SELECT {spec.suggest_field} FROM {v}_fts JOIN {v}_docs d ON d.id = {v}_fts.rowid "
                f"WHERE {v}_fts MATCH ? ORDER BY bm25({v}_fts) * d.rank_multiplier, d.id DESC LIMIT ?",
                (expression, size * 4)).fetchall()
            return _distinct([row[0] for row in rows], size)
        return await self._run(work)

    async def count(self, doc_type: DocType) -> int:
        def work(connection: sqlite3.Connection) -> int:
            v = self._live(connection, doc_type)
            return _documents(connection, v) if v else 0
        return await self._run(work)

    async def ids(self, doc_type: DocType) -> set[int]:
        def work(connection: sqlite3.Connection) -> set[int]:
            v = self._live(connection, doc_type)
            return {row[0] for row in connection.execute(f"SELECT id FROM {v}_docs")} if v else set()
        return await self._run(work)

    async def fetch(self, doc_type: DocType, ids: Sequence[int]) -> dict[int, Document]:
        def work(connection: sqlite3.Connection) -> dict[int, Document]:
            v = self._live(connection, doc_type)
            if v is None or not ids:
                return {}
            marks = ",".join("?" * len(ids))
            rows = connection.execute(f"SELECT id, doc FROM {v}_docs WHERE id IN ({marks})", list(ids))
            return {row[0]: json.loads(row[1]) for row in rows}
        return await self._run(work)

    async def health(self) -> Health:
        try:
            await self._run(lambda connection: connection.execute("SELECT count(*) FROM aliases").fetchone())
        except SearchUnavailable as exc:
            return Health(False, self.name, str(exc))
        return Health(True, self.name, str(self.path))

    async def close(self) -> None:
        return None

    # -- saved searches (percolation)

    async def store_saved_search(self, search_id: int, query: SearchQuery) -> None:
        await self._run(lambda connection: percolate.store(connection, search_id, query), write=True)

    async def forget_saved_search(self, search_id: int) -> None:
        await self._run(lambda connection: percolate.forget(connection, search_id), write=True)

    async def matching_saved_searches(self, document: Document) -> set[int]:
        def work(connection: sqlite3.Connection) -> tuple[dict[int, SearchQuery], str | None]:
            return percolate.stored_queries(connection), self._live(connection, PERCOLATED)

        queries, live = await self._run(work)
        if not queries:
            return set()
        try:
            return await asyncio.to_thread(self._percolate, queries, live, document)
        except sqlite3.Error as exc:
            raise SearchUnavailable(f"embedded index: {exc}") from exc

    def _percolate(self, queries: dict[int, SearchQuery], live: str | None, document: Document) -> set[int]:
        connection, version, vocabulary = percolate.scratch_index(self.path, live, document, _index_one)
        try:
            matched = set()
            for search_id, query in queries.items():
                if _search(connection, version, query, vocabulary).total:
                    matched.add(search_id)
                _drop_temporary(connection)
            return matched
        finally:
            connection.close()


def _drop_temporary(connection: sqlite3.Connection) -> None:
    """A search leaves its matches in temporary tables (m, c, f below); the next search on this connection needs
    them gone."""
    for table in ("m", "c", "f"):
        connection.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _distinct(values: list[str], size: int) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold(), value)
    return list(seen.values())[:size]


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def _row(spec: IndexSpec, document: Document) -> tuple[list[Any], list[tuple[str, str]], list[str]]:
    doc_id = document["id"]
    if not isinstance(doc_id, int) or isinstance(doc_id, bool):
        raise TypeError("id must be an integer")
    numbers = [_number(document.get(name)) for name in spec.numbers]
    values = [doc_id, int(document["organization_id"]), float(document.get("rank_multiplier", 1.0)), *numbers,
              json.dumps(document, sort_keys=True)]
    keyword_terms = [(name, value) for name in spec.facet_fields for value in keyword_values(document.get(name))]
    texts = [text_value(document.get(name)) for name in spec.text]
    return values, keyword_terms, [*texts, " ".join(document_codes(spec, document))]


def _index_one(connection: sqlite3.Connection, spec: IndexSpec, v: str, document: Document) -> str | None:
    try:
        values, keyword_terms, texts = _row(spec, document)
    except (KeyError, TypeError, ValueError) as exc:
        return f"invalid document: {exc}"
    connection.execute("SAVEPOINT doc")
    try:
        _delete_one(connection, v, values[0])
        marks = ",".join("?" * len(values))
        connection.execute(f"INSERT INTO {v}_docs VALUES ({marks})", values)
        connection.executemany(f"INSERT INTO {v}_terms VALUES (?, ?, ?)", [(values[0], f, t) for f, t in keyword_terms])
        columns = ", ".join(schema.fts_columns(spec))
        marks = ",".join("?" * (len(texts) + 1))
        connection.execute(f"INSERT INTO {v}_fts (rowid, {columns}) VALUES ({marks})", [values[0], *texts])
        vocabulary = {word for text in texts[:-1] for word in terms(text)}
        connection.executemany(f"INSERT INTO {v}_vocab VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET "
                               "docs = docs + 1", [(word,) for word in vocabulary])
    except sqlite3.Error as exc:
        connection.execute("ROLLBACK TO doc")
        return str(exc)
    finally:
        connection.execute("RELEASE doc")
    return None


def _delete_one(connection: sqlite3.Connection, v: str, doc_id: int) -> None:
    connection.execute(f"DELETE FROM {v}_docs WHERE id = ?", (doc_id,))
    connection.execute(f"DELETE FROM {v}_terms WHERE doc_id = ?", (doc_id,))
    connection.execute(f"DELETE FROM {v}_fts WHERE rowid = ?", (doc_id,))


def _search(connection: sqlite3.Connection, v: str | None, query: SearchQuery,
            vocabulary: str | None = None) -> SearchResult:
    """`vocabulary`: the table of known words for typo corrections, when not the index's own (percolation)."""
    spec = SPECS[query.doc_type]
    sort = query.effective_sort
    order = q.ordering(spec, sort)
    after = decode(query.cursor, sort) if query.cursor else None
    expressions = (q.match_expressions(connection, vocabulary or f"{v}_vocab", query.text, _documents(connection, v))
                   if v and query.text.strip() else None)
    if v is None or (query.text.strip() and expressions is None):
        return SearchResult(0, (), _empty_facets(spec) if query.facets else ())
    expression, complete = _candidates(connection, v, expressions)
    _materialise(connection, spec, v, query, expression, order.key)
    pool = "m"
    if query.one_per_supplier:
        connection.execute(f"CREATE TEMP TABLE c AS SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "
                           f"organization_id ORDER BY {order.order_by}) AS rn FROM m) WHERE rn = 1")
        pool = "c"
    total = int(connection.execute(f"SELECT count(*) FROM {pool}").fetchone()[0])
    where, params = ("WHERE " + order.after, [after[0], after[0], after[1]]) if after else ("", [])
    rows = connection.execute(f"SELECT id, score, k FROM {pool} {where} ORDER BY {order.order_by} LIMIT ?",
                              [*params, query.size + 1]).fetchall()
    page = rows[: query.size]
    snippets = _highlights(connection, spec, v, expression, [row[0] for row in page]) if query.highlight else {}
    hits = tuple(Hit(row[0], float(row[1]), snippets.get(row[0], {})) for row in page)
    next_cursor = encode(sort, float(page[-1][2]), page[-1][0]) if len(rows) > query.size else None
    matches = total if pool == "m" else int(connection.execute("SELECT count(*) FROM m").fetchone()[0])
    facets = _facets(connection, spec, v, query.facet_sample) if query.facets else ()
    return SearchResult(total, hits, facets, next_cursor, query.facets and matches > query.facet_sample, complete)


def _documents(connection: sqlite3.Connection, v: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {v}_docs").fetchone()[0])


def _candidates(connection: sqlite3.Connection, v: str, expressions: q.Expressions | None) -> tuple[str | None, bool]:
    """The expression to collect matches with, and whether it collects all of them (else `total` is a lower bound).
    Scoring every document that shares one common word with the query is what makes broad queries slow."""
    if expressions is None:
        return None, True
    if expressions.focused is None or _matches(connection, v, expressions.any_word) <= q.SCORE_ALL_UP_TO:
        return expressions.any_word, True
    if _matches(connection, v, expressions.focused) >= q.FOCUSED_MIN_MATCHES:
        return expressions.focused, False
    return expressions.any_word, True


def _matches(connection: sqlite3.Connection, v: str, expression: str) -> int:
    """Counting matches is cheap next to scoring them (no bm25, no join)."""
    return int(connection.execute(f"SELECT count(*) FROM {v}_fts WHERE {v}_fts MATCH ?", (expression,)).fetchone()[0])


def _materialise(connection: sqlite3.Connection, spec: IndexSpec, v: str, query: SearchQuery,
                 expression: str | None, key: str) -> None:
    """Every match with its score and sort key in a temporary table: page, count and facets read it once."""
    clause = q.filter_clause(spec, v, query.filters)
    numbers = "".join(f", d.{name} AS {name}" for name in spec.numbers)
    if expression is None:
        base = (f"SELECT d.id AS id, d.organization_id AS organization_id{numbers}, 0.0 AS score "
                f"FROM {v}_docs d WHERE {clause.where()}")
        params = clause.params
    else:
        base = (f"SELECT d.id AS id, d.organization_id AS organization_id{numbers}, "
                f"s.relevance * d.rank_multiplier AS score "
                f"FROM ({q.scored_matches(spec, f'{v}_fts', len(query.filters.ids))}) s "
                f"JOIN {v}_docs d ON d.id = s.doc_id WHERE {clause.where()}")
        params = [expression, *query.filters.ids, *clause.params]
    connection.execute(f"CREATE TEMP TABLE m AS SELECT *, {key} AS k FROM ({base})", params)


def _highlights(connection: sqlite3.Connection, spec: IndexSpec, v: str, expression: str | None,
                ids: list[int]) -> dict[int, dict[str, str]]:
    if expression is None or not ids:
        return {}
    columns = list(spec.text)
    snippets = ", ".join(f"snippet({v}_fts, {columns.index(name)}, '{START}', '{STOP}', '…', 24)"
                         for name in spec.highlight)
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT rowid, {snippets} FROM {v}_fts WHERE {v}_fts MATCH ? AND rowid IN ({marks})",
                              [expression, *ids])
    result: dict[int, dict[str, str]] = {}
    for row in rows:
        found = {name: marked(text, START, STOP) for name, text in zip(spec.highlight, row[1:], strict=True)
                 if text and START in text}
        result[row[0]] = found
    return result


def _empty_facets(spec: IndexSpec) -> tuple[Facet, ...]:
    ranges = tuple(Facet(name, tuple(FacetBucket(range_label(b), 0) for b in buckets))
                   for name, buckets in spec.range_facets.items())
    return tuple(Facet(name, ()) for name in spec.facet_fields) + ranges


def _facets(connection: sqlite3.Connection, spec: IndexSpec, v: str, sample: int) -> tuple[Facet, ...]:
    """Counts over the `sample` best-scoring matches (all of them when there are no more)."""
    connection.execute("CREATE TEMP TABLE f AS SELECT * FROM m ORDER BY score DESC, id DESC LIMIT ?", (sample,))
    counts: dict[str, list[FacetBucket]] = {name: [] for name in spec.facet_fields}
    # IN (SELECT ...) makes SQLite walk the matches and look their terms up, instead of scanning every term.
    rows = connection.execute(f"SELECT t.field, t.value, count(*) AS n FROM {v}_terms t WHERE t.doc_id IN "
                              "(SELECT id FROM f) GROUP BY t.field, t.value ORDER BY t.field, n DESC, t.value")
    for name, value, count in rows:
        if len(counts[name]) < FACET_SIZE:
            counts[name].append(FacetBucket(value, count))
    facets = [Facet(name, tuple(buckets)) for name, buckets in counts.items()]
    for name, buckets in spec.range_facets.items():
        sums = ", ".join(_bucket_sql(name, bucket.min, bucket.max) for bucket in buckets)
        row = connection.execute(f"SELECT {sums} FROM f").fetchone()
        facets.append(Facet(name, tuple(FacetBucket(range_label(b), int(n or 0))
                                        for b, n in zip(buckets, row, strict=True))))
    return tuple(facets)


def _bucket_sql(name: str, low: float | None, high: float | None) -> str:
    conditions = [f"{name} IS NOT NULL"]
    if low is not None:
        conditions.append(f"{name} >= {float(low)!r}")
    if high is not None:
        conditions.append(f"{name} < {float(high)!r}")
    return f"SUM(CASE WHEN {' AND '.join(conditions)} THEN 1 ELSE 0 END)"
