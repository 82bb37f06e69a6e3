"""HS code suggestions for free text (a listing or RFQ being written): BM25 over the nomenclature and the
keyword table (matching/hs/index.py), fused with the HS codes of the most similar published listings."""

import logging
from collections import defaultdict
from dataclasses import dataclass

from matching.factors import hs_label
from matching.hs.index import hs_index
from search.backend import SearchBackend
from search.errors import SearchUnavailable
from search.types import DocType, SearchQuery

logger = logging.getLogger(__name__)
TEXT_WEIGHT, LISTINGS_WEIGHT = 1.0, 0.6
SIMILAR_LISTINGS = 20
TEXT_CANDIDATES = 30


@dataclass(frozen=True)
class HsSuggestion:
    code: str
    description: str
    heading_description: str
    score: float

    @property
    def label(self) -> str:
        return hs_label(self.code)


def _normalised(scores: dict[str, float]) -> dict[str, float]:
    best = max(scores.values(), default=0.0)
    return {code: score / best for code, score in scores.items()} if best > 0 else {}


def text_scores(text: str) -> dict[str, float]:
    found = hs_index().scores(text)
    top = sorted(found.items(), key=lambda item: -item[1])[:TEXT_CANDIDATES]
    return _normalised(dict(top))


async def listing_votes(backend: SearchBackend, text: str) -> dict[str, float]:
    """The subheadings of the most similar published listings, each weighted by its relevance."""
    try:
        result = await backend.search(SearchQuery(DocType.LISTINGS, text[:1000], size=SIMILAR_LISTINGS,
                                                  facets=False, highlight=False))
        documents = await backend.fetch(DocType.LISTINGS, [hit.id for hit in result.hits])
    except SearchUnavailable as exc:
        logger.warning("HS suggestions without similar listings: %s", exc)
        return {}
    votes: dict[str, float] = defaultdict(float)
    for hit in result.hits:
        code = (documents.get(hit.id) or {}).get("hs_subheading")
        if code:
            votes[str(code)] += hit.score
    return _normalised(votes)


def ranked(text_part: dict[str, float], listing_part: dict[str, float], limit: int) -> list[HsSuggestion]:
    index = hs_index()
    fused = {code: TEXT_WEIGHT * text_part.get(code, 0.0) + LISTINGS_WEIGHT * listing_part.get(code, 0.0)
             for code in {*text_part, *listing_part} if code in index.descriptions}
    best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [HsSuggestion(code, index.descriptions[code], index.descriptions.get(code[:4], ""), round(score, 4))
            for code, score in best]


def suggest_from_text(text: str, limit: int = 5) -> list[HsSuggestion]:
    return ranked(text_scores(text), {}, limit)


async def suggest_hs(backend: SearchBackend, text: str, limit: int = 5) -> list[HsSuggestion]:
    return ranked(text_scores(text), await listing_votes(backend, text), limit)
