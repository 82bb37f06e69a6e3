"""Candidate retrieval through the search backend: the RFQ's words (and its HS heading, when it has one) against
published listings, or a listing's words against open RFQs. A few hundred candidates at most; the engine
re-ranks them."""

import asyncio
from collections.abc import Sequence

from search.backend import SearchBackend
from search.types import DocType, Filters, Hit, SearchQuery

LISTING_POOL = 100
HS_POOL = 30
LEAD_POOL = 50
MAX_QUERY_CHARS = 1000


def _query(doc_type: DocType, text: str, size: int, filters: Filters | None = None) -> SearchQuery:
    return SearchQuery(doc_type, text[:MAX_QUERY_CHARS], filters or Filters(), size=size, facets=False,
                       highlight=False, for_reranking=True)


def _merge(*groups: Sequence[Hit]) -> dict[int, float]:
    """Listing id -> its best score across the searches."""
    scores: dict[int, float] = {}
    for hits in groups:
        for hit in hits:
            scores[hit.id] = max(scores.get(hit.id, 0.0), hit.score)
    return scores


async def listing_candidates(backend: SearchBackend, text: str, hs_code: str | None,
                             pool: int = LISTING_POOL) -> dict[int, float]:
    if not hs_code:
        return _merge((await backend.search(_query(DocType.LISTINGS, text, pool))).hits)
    same_heading = Filters(terms={"hs_heading": (hs_code[:4],)})
    found, by_hs = await asyncio.gather(backend.search(_query(DocType.LISTINGS, text, pool)),
                                        backend.search(_query(DocType.LISTINGS, text, HS_POOL, same_heading)))
    return _merge(found.hits, by_hs.hits)


async def rfq_candidates(backend: SearchBackend, text: str, pool: int = LEAD_POOL) -> dict[int, float]:
    return (await rfq_candidates_of_each(backend, [text], pool))[0]


async def rfq_candidates_of_each(backend: SearchBackend, texts: Sequence[str],
                                 pool: int = LEAD_POOL) -> list[dict[int, float]]:
    """rfq_candidates of several listings' texts, in one round of searches."""
    found = await backend.search_many([_query(DocType.RFQS, text, pool) for text in texts])
    return [_merge(result.hits) for result in found]


def normalised(scores: dict[int, float]) -> dict[int, float]:
    """Scores over the best one, so that relevance reads the same whatever the engine's scale."""
    best = max(scores.values(), default=0.0)
    return {key: (score / best if best > 0 else 0.0) for key, score in scores.items()}
