"""The learned model's inputs: per candidate listing, the factor values plus text-similarity signals between the
RFQ and the listing title, some weighted by how rare a word is within this RFQ's candidate pool (so they need no
corpus statistics), and the gap to the pool's best. Each signal belongs to one factor, for the explanations."""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from matching.factors import Assessment
from matching.views import ListingView, RfqView

SIGNAL_FACTORS: dict[str, str] = {
    "relevance": "text", "log_rank": "text", "model": "model", "brand": "brand", "price": "price",
    "price_gap_abs": "price", "title_cover": "text", "query_cover": "text", "idf_title_cover": "text",
    "idf_query_cover": "text", "text_cover": "text", "idf_text_cover": "text", "numbers_cover": "model",
    "shared_codes": "model", "listing_has_codes": "model", "rfq_has_codes": "model", "has_brand": "brand",
    "has_model": "model", "price_gap": "price", "trigram": "text", "gap_idf_title_cover": "text",
    "gap_idf_text_cover": "text", "gap_trigram": "text",
}
SIGNALS = tuple(SIGNAL_FACTORS)
GAPS = {"gap_idf_title_cover": "idf_title_cover", "gap_idf_text_cover": "idf_text_cover",
        "gap_trigram": "trigram"}
MISSING = -1.0


@dataclass(frozen=True)
class Candidate:
    listing: ListingView
    relevance: float
    rank: int
    assessments: dict[str, Assessment]
    relevant: bool = True
    """Above the relevance floor (matching/floor.py): the product asked for. The model still scores the others,
    as their words shape the pool's signals, but they are never ranked."""


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _price_gap(rfq: RfqView, listing: ListingView) -> float | None:
    if not rfq.target_price_usd or not listing.price_min_usd or rfq.target_price_usd <= 0:
        return None
    return math.log(listing.price_min_usd / rfq.target_price_usd)


def _pool_weights(titles: Sequence[frozenset[str]]) -> dict[str, float]:
    frequency = Counter(word for title in titles for word in title)
    size = len(titles) + 1
    return {word: math.log(size / (1 + count)) + 1 for word, count in frequency.items()}


def _one(rfq: RfqView, candidate: Candidate, weight: dict[str, float]) -> dict[str, float]:
    query_title, listing = rfq.title_words, candidate.listing
    title = listing.title_words

    def mass(found: frozenset[str]) -> float:
        # fsum: exact whatever the set's order, which changes with Python's string hashing from run to run.
        return math.fsum(weight.get(word, 1.0) for word in found)

    shared, in_text = title & query_title, title & rfq.words
    numbers = {word for word in title if any(ch.isdigit() for ch in word)}
    gap = _price_gap(rfq, listing)
    values = candidate.assessments
    return {
        "relevance": candidate.relevance, "log_rank": math.log1p(candidate.rank), "model": values["model"].value,
        "brand": values["brand"].value, "price": values["price"].value,
        "price_gap_abs": MISSING if gap is None else abs(gap),
        "title_cover": _share(len(shared), len(title)), "query_cover": _share(len(shared), len(query_title)),
        "idf_title_cover": _share(mass(shared), mass(title)),
        "idf_query_cover": _share(mass(shared), mass(query_title)),
        "text_cover": _share(len(in_text), len(title)), "idf_text_cover": _share(mass(in_text), mass(title)),
        "numbers_cover": _share(len(numbers & rfq.words), len(numbers)) if numbers else MISSING,
        "shared_codes": float(len(listing.codes & rfq.codes)), "listing_has_codes": float(bool(listing.codes)),
        "rfq_has_codes": float(bool(rfq.codes)), "has_brand": float(bool(listing.brand)),
        "has_model": float(bool(listing.model)), "price_gap": 0.0 if gap is None else gap,
        "trigram": _share(len(rfq.title_grams & listing.title_grams), len(rfq.title_grams | listing.title_grams)),
    }


def pool_signals(rfq: RfqView, candidates: Sequence[Candidate]) -> list[dict[str, float]]:
    weight = _pool_weights([candidate.listing.title_words for candidate in candidates])
    rows = [_one(rfq, candidate, weight) for candidate in candidates]
    for name, source in GAPS.items():
        best = max((row[source] for row in rows), default=0.0)
        for row in rows:
            row[name] = best - row[source]
    return rows
