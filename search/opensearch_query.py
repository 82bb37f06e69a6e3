"""Query bodies for OpenSearch and the reading of its answers into SearchResult."""

from typing import Any

from search.cursor import decode, decode_offset, encode, encode_offset
from search.normalise import code_forms, segmented, words
from search.opensearch_mapping import SUGGEST_FIELD
from search.spec import (
    CODES_FIELD,
    MISSING_HIGH,
    MISSING_LOW,
    SPECS,
    TYPO_MAX_WORDS,
    IndexSpec,
    range_label,
)
from search.types import Facet, FacetBucket, Filters, Hit, SearchQuery, SearchResult, Sort

FACET_SIZE = 20
SUPPLIER_COUNT = "_suppliers"
SAMPLE = "_sample"


# Lucene multiplies a field's whole score by its boost (title 5) where FTS5 only scales term frequencies inside
# BM25's saturation, so OpenSearch's text scores run higher and its part-number clause needs a larger factor than
# CODES_BOOST to weigh the same. Tuned with `tradeleads eval search` on the product-matching dev queries.
OPENSEARCH_CODES_BOOST = 12.0
TIE_BREAKER = 0.1
FUZZY_BOOST = 0.1
# Expanding every word of a long RFQ into its near spellings over every field costs some 30 ms at 100,000
# listings; candidate retrieval expands fewer spellings, in the title only (where product names are).
FUZZY_ALL_FIELDS = {"prefix_length": 1, "max_expansions": 20}
FUZZY_TITLE_ONLY = {"prefix_length": 2, "max_expansions": 10}


def text_query(spec: IndexSpec, text: str, for_reranking: bool = False) -> dict[str, Any]:
    """All words over all text fields as one field (cross_fields: term statistics blended across fields, as the
    embedded engine's single BM25 does), plus the part numbers in `codes`, plus a weak fuzzy match for typos."""
    fields = [f"{name}^{boost:g}" for name, boost in spec.text.items()]
    text = segmented(text)  # as the translated fields hold Chinese
    should: list[dict[str, Any]] = [{"multi_match": {"query": text, "fields": fields, "type": "cross_fields",
                                                     "tie_breaker": TIE_BREAKER}}]
    if len(words(text)) <= TYPO_MAX_WORDS:
        fuzzy = {"fields": fields[:1], **FUZZY_TITLE_ONLY} if for_reranking else {"fields": fields, **FUZZY_ALL_FIELDS}
        should.append({"multi_match": {"query": text, "fuzziness": "AUTO", "boost": FUZZY_BOOST, **fuzzy}})
    codes = code_forms(text)
    if codes:
        should.append({"match": {CODES_FIELD: {"query": " ".join(codes), "boost": OPENSEARCH_CODES_BOOST}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def filter_clauses(spec: IndexSpec, filters: Filters) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = []
    for name, values in filters.terms.items():
        if name not in spec.facet_fields:
            raise ValueError(f"cannot filter {spec.doc_type} on {name!r}")
        if values:
            clauses.append({"terms": {name: list(values)}})
    for name, bounds in filters.ranges.items():
        if name not in spec.numbers:
            raise ValueError(f"cannot filter {spec.doc_type} on a range of {name!r}")
        limits = {key: value for key, value in (("gte", bounds.min), ("lte", bounds.max)) if value is not None}
        if limits:
            clauses.append({"range": {name: limits}})
    if filters.ids:
        clauses.append({"terms": {"id": list(filters.ids)}})
    return clauses


def sort_clause(spec: IndexSpec, sort: Sort) -> list[dict[str, Any]]:
    tie = {"id": {"order": "desc"}}
    if sort == Sort.RELEVANCE:
        return [{"_score": {"order": "desc"}}, tie]
    if sort == Sort.NEWEST:
        return [{spec.date_field: {"order": "desc", "missing": 0}}, tie]
    if spec.price_field is None:
        raise ValueError(f"{spec.doc_type} cannot be sorted by price")
    if sort == Sort.PRICE_ASC:
        return [{spec.price_field: {"order": "asc", "missing": MISSING_HIGH}}, tie]
    return [{spec.price_field: {"order": "desc", "missing": MISSING_LOW}}, tie]


def aggregations(spec: IndexSpec) -> dict[str, Any]:
    aggs: dict[str, Any] = {
        name: {"terms": {"field": name, "size": FACET_SIZE, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
        for name in spec.facet_fields
    }
    for name, buckets in spec.range_facets.items():
        ranges = [{"key": range_label(b), **({"from": b.min} if b.min is not None else {}),
                   **({"to": b.max} if b.max is not None else {})} for b in buckets]
        aggs[name] = {"range": {"field": name, "ranges": ranges}}
    return aggs


def _scored(spec: IndexSpec, query: SearchQuery) -> dict[str, Any]:
    if not query.text.strip():
        return {"match_all": {}}
    matching = text_query(spec, query.text, query.for_reranking)
    if query.for_reranking:
        return matching
    return {"function_score": {"query": matching, "boost_mode": "multiply",
                               "field_value_factor": {"field": "rank_multiplier", "missing": 1}}}


def _one_page(query: SearchQuery) -> bool:
    """A retrieval by relevance that will not be paged: the id tie-break keeps pages stable, but it stops Lucene
    from skipping documents that cannot make the top, so such a retrieval goes without it (and without a cursor)."""
    plain = not (query.cursor or query.one_per_supplier)
    return query.for_reranking and plain and query.effective_sort == Sort.RELEVANCE


def _sort(spec: IndexSpec, query: SearchQuery) -> list[dict[str, Any]]:
    return [{"_score": {"order": "desc"}}] if _one_page(query) else sort_clause(spec, query.effective_sort)


def search_body(query: SearchQuery) -> dict[str, Any]:
    spec = SPECS[query.doc_type]
    sort = query.effective_sort
    body: dict[str, Any] = {
        "query": {"bool": {"must": [_scored(spec, query)], "filter": filter_clauses(spec, query.filters)}},
        "sort": _sort(spec, query), "size": query.size + 1, "track_total_hits": not query.for_reranking,
        "track_scores": True, "_source": False,
    }
    if query.one_per_supplier:
        body["collapse"] = {"field": "organization_id"}
        body["from"] = decode_offset(query.cursor, sort) if query.cursor else 0
        body["aggs"] = {SUPPLIER_COUNT: {"cardinality": {"field": "organization_id", "precision_threshold": 40000}}}
    elif query.cursor:
        key, doc_id = decode(query.cursor, sort)
        body["search_after"] = [key, doc_id]
    if query.facets:
        # Facets count the best-scoring matches up to facet_sample, as the embedded engine does.
        body.setdefault("aggs", {})[SAMPLE] = {"sampler": {"shard_size": query.facet_sample},
                                              "aggs": aggregations(spec)}
    if query.highlight and query.text.strip():
        body["highlight"] = {"fields": {name: {} for name in spec.highlight}, "pre_tags": ["<mark>"],
                             "post_tags": ["</mark>"], "encoder": "html", "number_of_fragments": 1,
                             "fragment_size": 160, "no_match_size": 0}
    return body


def read_result(query: SearchQuery, response: dict[str, Any]) -> SearchResult:
    spec = SPECS[query.doc_type]
    raw_hits = response["hits"]["hits"]
    page = raw_hits[: query.size]
    hits = tuple(Hit(int(hit["_id"]), float(hit.get("_score") or 0.0), _highlights(hit)) for hit in page)
    aggs = response.get("aggregations", {})
    counted = response["hits"].get("total")
    matches = int(counted["value"]) if counted else len(raw_hits)
    total = int(aggs[SUPPLIER_COUNT]["value"]) if query.one_per_supplier else matches
    sample = aggs.get(SAMPLE, {})
    facets = _facets(spec, sample) if query.facets else ()
    approximate = query.facets and int(sample["doc_count"]) < matches
    return SearchResult(total, hits, facets, _next_cursor(query, raw_hits, page), approximate, counted is not None)


def _next_cursor(query: SearchQuery, raw_hits: list[dict[str, Any]], page: list[dict[str, Any]]) -> str | None:
    if len(raw_hits) <= query.size or _one_page(query):
        return None
    sort = query.effective_sort
    if query.one_per_supplier:
        start = decode_offset(query.cursor, sort) if query.cursor else 0
        return encode_offset(sort, start + query.size)
    key, doc_id = page[-1]["sort"]
    return encode(sort, float(key), int(doc_id))


def _highlights(hit: dict[str, Any]) -> dict[str, str]:
    return {name: fragments[0] for name, fragments in hit.get("highlight", {}).items() if fragments}


def _facets(spec: IndexSpec, aggs: dict[str, Any]) -> tuple[Facet, ...]:
    facets = [Facet(name, tuple(FacetBucket(str(b.get("key_as_string", b["key"])), int(b["doc_count"]))
                                for b in aggs[name]["buckets"])) for name in spec.facet_fields]
    facets += [Facet(name, tuple(FacetBucket(b["key"], int(b["doc_count"])) for b in aggs[name]["buckets"]))
               for name in spec.range_facets]
    return tuple(facets)


def suggest_body(prefix: str, size: int) -> dict[str, Any]:
    fields = [SUGGEST_FIELD, f"{SUGGEST_FIELD}._2gram", f"{SUGGEST_FIELD}._3gram"]
    scored = {"function_score": {"query": {"multi_match": {"query": prefix, "type": "bool_prefix", "fields": fields,
                                                           "operator": "and"}},
                                 "boost_mode": "multiply",
                                 "field_value_factor": {"field": "rank_multiplier", "missing": 1}}}
    return {"query": scored, "size": size * 4, "_source": [SUGGEST_FIELD],
            "sort": [{"_score": {"order": "desc"}}, {"id": {"order": "desc"}}]}
