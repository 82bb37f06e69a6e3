"""Ranking metrics with binary relevance, as pure functions of one ranking and its relevant ids."""

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

CUTOFF = 10


def reciprocal_rank(ranking: Sequence[str], relevant: Collection[str], k: int = CUTOFF) -> float:
    """1 / rank of the first relevant id within the top k; 0 when none is there."""
    return next((1.0 / rank for rank, doc_id in enumerate(ranking[:k], 1) if doc_id in relevant), 0.0)


def recall(ranking: Sequence[str], relevant: Collection[str], k: int = CUTOFF) -> float:
    """Share of the relevant ids found within the top k."""
    if not relevant:
        return 0.0
    return len(set(ranking[:k]) & set(relevant)) / len(set(relevant))


def ndcg(ranking: Sequence[str], relevant: Collection[str], k: int = CUTOFF) -> float:
    """Discounted cumulative gain of the top k over the best possible for this many relevant ids."""
    gain = sum(1.0 / math.log2(rank + 1) for rank, doc_id in enumerate(ranking[:k], 1) if doc_id in relevant)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(set(relevant)), k) + 1))
    return gain / ideal if ideal else 0.0


@dataclass(frozen=True)
class Scores:
    mrr: float
    recall: float
    ndcg: float
    queries: int

    def as_json(self) -> dict[str, float | int]:
        return {"mrr_at_10": round(self.mrr, 4), "recall_at_10": round(self.recall, 4),
                "ndcg_at_10": round(self.ndcg, 4), "queries": self.queries}


def mean_scores(judged: Iterable[tuple[Sequence[str], Collection[str]]], k: int = CUTOFF) -> Scores:
    """Each metric averaged over (ranking, relevant ids) pairs; all zero for no pairs."""
    pairs = list(judged)
    if not pairs:
        return Scores(0.0, 0.0, 0.0, 0)
    count = len(pairs)
    return Scores(sum(reciprocal_rank(r, rel, k) for r, rel in pairs) / count,
                  sum(recall(r, rel, k) for r, rel in pairs) / count,
                  sum(ndcg(r, rel, k) for r, rel in pairs) / count, count)
