"""`eval search`: load the corpus into a scratch database and index, ask every query through the ranking step
the caller passes in (the command line passes the search service the API uses), and score the rankings overall
and per query set."""

import tempfile
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from search.backend import SearchBackend
from search.evaluation.dataset import Query, read_corpus, read_queries
from search.evaluation.metrics import CUTOFF, Scores, mean_scores
from search.evaluation.scratch import Sessions, load_offers, scratch_backend, scratch_database
from search.reindex import reindex
from search.types import DocType

INDEX_BATCH = 1000
Progress = Callable[[int], None]
Ranker = Callable[[AsyncSession, SearchBackend, str, int], Awaitable[list[int]]]
"""(session, backend, query text, page size) -> the listing ids of the first results page, best first."""


@dataclass(frozen=True)
class Evaluation:
    backend: str
    overall: Scores
    per_set: dict[str, Scores]
    listings: int

    def as_json(self) -> dict[str, Any]:
        overall = self.overall.as_json()
        return {"mrr_at_10": overall["mrr_at_10"], "recall_at_10": overall["recall_at_10"],
                "ndcg_at_10": overall["ndcg_at_10"],
                "per_set": {name: scores.as_json() for name, scores in sorted(self.per_set.items())},
                "queries": self.overall.queries, "backend": self.backend}


async def rank(ranker: Ranker, sessions: Sessions, backend: SearchBackend, text: str,
               keys: dict[int, str]) -> list[str]:
    """The corpus ids of the first results page for `text`, as `ranker` lists them."""
    async with sessions() as session:
        found = await ranker(session, backend, text, CUTOFF)
    return [keys[listing_id] for listing_id in found]


def score(queries: Sequence[Query], rankings: Sequence[list[str]]) -> tuple[Scores, dict[str, Scores]]:
    by_set: dict[str, list[tuple[list[str], frozenset[str]]]] = defaultdict(list)
    for query, ranking in zip(queries, rankings, strict=True):
        by_set[query.set].append((ranking, query.relevant))
    overall = mean_scores((ranking, query.relevant) for query, ranking in zip(queries, rankings, strict=True))
    return overall, {name: mean_scores(pairs) for name, pairs in by_set.items()}


async def evaluate(corpus: Path, queries_path: Path, engine: str, settings: Settings, ranker: Ranker,
                   on_progress: Progress | None = None) -> Evaluation:
    offers = read_corpus(corpus)
    queries = read_queries(queries_path)
    with tempfile.TemporaryDirectory(prefix="tradeleads-eval-") as folder:
        async with scratch_database(Path(folder)) as sessions, \
                scratch_backend(engine, Path(folder), settings) as backend:
            keys = await load_offers(sessions, offers)
            await reindex(sessions, backend, DocType.LISTINGS, batch_size=INDEX_BATCH)
            rankings: list[list[str]] = []
            for query in queries:
                rankings.append(await rank(ranker, sessions, backend, query.text, keys))
                if on_progress:
                    on_progress(1)
    overall, per_set = score(queries, rankings)
    return Evaluation(engine, overall, per_set, len(offers))
