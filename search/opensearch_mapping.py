"""Index settings and mappings for OpenSearch, derived from the document specs."""

from typing import Any

from search.spec import CODES_FIELD, IndexSpec

SUGGEST_FIELD = "suggest"

ANALYSIS: dict[str, Any] = {
    "filter": {
        # DSC-W120P -> DSC-W120P, DSC, W120P, W, 120, P and the catenation DSCW120P
        "part_numbers": {"type": "word_delimiter_graph", "preserve_original": True, "catenate_all": True},
        "part_numbers_search": {"type": "word_delimiter_graph", "preserve_original": True},
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        "product": {"type": "custom", "tokenizer": "whitespace",
                    "filter": ["part_numbers", "flatten_graph", "lowercase", "asciifolding",
                               "english_possessive", "english_stemmer"]},
        "product_search": {"type": "custom", "tokenizer": "whitespace",
                           "filter": ["part_numbers_search", "lowercase", "asciifolding", "english_possessive",
                                      "english_stemmer"]},
        "codes": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
        "suggest": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    },
}


def index_body(spec: IndexSpec) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "id": {"type": "long"},
        "organization_id": {"type": "long"},
        "rank_multiplier": {"type": "float"},
        CODES_FIELD: {"type": "text", "analyzer": "codes"},
        SUGGEST_FIELD: {"type": "search_as_you_type", "analyzer": "suggest"},
    }
    for name in spec.text:
        properties[name] = {"type": "text", "analyzer": "product", "search_analyzer": "product_search"}
    properties.update({name: {"type": "keyword"} for name in spec.keywords})
    properties.update({name: {"type": "boolean"} for name in spec.flags})
    properties.update({name: {"type": "double"} for name in spec.numbers})
    return {
        "settings": {"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1", "max_result_window": 10_000},
                     "analysis": ANALYSIS},
        "mappings": {"dynamic": "strict", "properties": properties},
    }
