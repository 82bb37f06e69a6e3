"""What each document type holds and how it is searched; both engines derive their schema from these specs."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from search.normalise import code_forms
from search.types import DocType, Document, Range


@dataclass(frozen=True)
class IndexSpec:
    doc_type: DocType
    text: Mapping[str, float]
    """Searchable text fields and their boosts (strings or lists of strings)."""
    code_sources: tuple[str, ...]
    """Text fields whose part numbers are indexed in the normalised `codes` field."""
    keywords: tuple[str, ...]
    """Exact values (a string or a list of strings): filters and facets."""
    flags: tuple[str, ...]
    numbers: tuple[str, ...]
    date_field: str
    """Epoch seconds, for sorting by newest."""
    price_field: str | None
    suggest_field: str
    highlight: tuple[str, ...]
    range_facets: Mapping[str, tuple[Range, ...]] = field(default_factory=dict)

    @property
    def facet_fields(self) -> tuple[str, ...]:
        return self.keywords + self.flags

    @property
    def stored_fields(self) -> tuple[str, ...]:
        return ("id", "organization_id", "rank_multiplier", *self.text, *self.keywords, *self.flags, *self.numbers)


CODES_FIELD = "codes"
HS_CODE_FIELD = "hs_subheading"
"""A listing's or RFQ's 6-digit HS code, also indexed among its part numbers."""
CODES_BOOST = 4.0
"""Weight of the part-number score next to the text score (embedded; see opensearch_query for OpenSearch's)."""
TYPO_MAX_WORDS = 12
"""Typo tolerance for queries up to this many words: a longer text (a pasted request) has enough words spelled
right to be found, and correcting each of its words would cost more than it finds."""
# Sort keys of documents without a price: last in both directions.
MISSING_HIGH = 1e15
MISSING_LOW = -1.0

PRICE_BUCKETS = (Range(None, 10), Range(10, 100), Range(100, 1000), Range(1000, None))
LEAD_TIME_BUCKETS = (Range(None, 7), Range(7, 30), Range(30, None))

LISTINGS = IndexSpec(
    doc_type=DocType.LISTINGS,
    # translated_*: the supplier's translations, and the original too when written in Chinese (segmented text).
    text={"title": 5.0, "keywords": 3.0, "specs": 2.0, "description": 1.0, "hs_description": 0.8,
          "supplier_name": 0.5, "translated_titles": 4.0, "translated_descriptions": 1.0},
    code_sources=("title", "keywords", "specs"),
    keywords=("hs_chapter", "hs_heading", "hs_subheading", "origin_country", "supplier_country",
              "certifications", "tier"),
    flags=("verified",),
    numbers=("price_usd", "moq", "lead_time_days", "published"),
    date_field="published",
    price_field="price_usd",
    suggest_field="title",
    highlight=("title", "description"),
    range_facets={"price_usd": PRICE_BUCKETS, "lead_time_days": LEAD_TIME_BUCKETS},
)

RFQS = IndexSpec(
    doc_type=DocType.RFQS,
    text={"title": 5.0, "description": 1.0, "hs_description": 0.8},
    code_sources=("title",),
    keywords=("hs_chapter", "hs_heading", "hs_subheading", "destination_country", "buyer_country",
              "required_certifications", "unit"),
    flags=(),
    numbers=("quantity", "target_price_usd", "opened", "valid_until"),
    date_field="opened",
    price_field="target_price_usd",
    suggest_field="title",
    highlight=("title", "description"),
    range_facets={"target_price_usd": PRICE_BUCKETS},
)

SUPPLIERS = IndexSpec(
    doc_type=DocType.SUPPLIERS,
    text={"name": 5.0, "products": 3.0, "description": 1.0},
    code_sources=("products",),
    keywords=("country", "business_type", "certifications", "export_markets", "hs_chapters", "tier"),
    flags=("verified",),
    numbers=("published_listings", "created"),
    date_field="created",
    price_field=None,
    suggest_field="name",
    highlight=("name", "products", "description"),
)

SPECS: dict[DocType, IndexSpec] = {spec.doc_type: spec for spec in (LISTINGS, RFQS, SUPPLIERS)}


def text_value(value: object) -> str:
    """A text field as one string: lists are joined line by line."""
    if isinstance(value, list | tuple):
        return "\n".join(str(item) for item in value)
    return "" if value is None else str(value)


def keyword_values(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def range_label(bucket: Range) -> str:
    """`10-100`, `*-10`, `1000-*`: lower bound inclusive, upper bound exclusive."""
    low = "*" if bucket.min is None else f"{bucket.min:g}"
    high = "*" if bucket.max is None else f"{bucket.max:g}"
    return f"{low}-{high}"


def document_codes(spec: IndexSpec, document: Document) -> list[str]:
    """The normalised part numbers of a document, line by line so that no code spans two fields, and its HS
    subheading (so that `brass fitting 8481.80` prefers listings classified there)."""
    codes: dict[str, None] = {}
    for name in spec.code_sources:
        for line in text_value(document.get(name)).splitlines():
            codes.update(dict.fromkeys(code_forms(line)))
    subheading = document.get(HS_CODE_FIELD)
    if subheading:
        codes.update(dict.fromkeys(code_forms(str(subheading))))
    return list(codes)
