"""`tradeleads eval matching-train`: a LambdaRank model (LightGBM) over the pool signals of matching/signals.py,
trained on a labelled benchmark through the engine's real candidate path. Reproducible: fixed seed, deterministic
training, one thread. Prints out-of-fold figures (folds by query: each fold scored by a model that never saw it)
and writes the model trained on every query as a small JSON file the engine reads without LightGBM."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.config import Settings
from matching.engine import listing_pool
from matching.evaluation import Loaded, Progress, loaded_benchmark
from matching.model import load_model
from matching.signals import SIGNALS, pool_signals
from matching.trees import flatten_lightgbm
from search.evaluation.dataset import Query
from search.evaluation.metrics import Scores
from search.evaluation.run import score

PARAMETERS: dict[str, Any] = {
    "objective": "lambdarank", "learning_rate": 0.1, "num_leaves": 15, "min_data_in_leaf": 20,
    "lambdarank_truncation_level": 20, "seed": 7, "deterministic": True, "force_row_wise": True,
    "num_threads": 1, "verbose": -1,
}
ROUNDS = 120
COMMERCIAL_WEIGHTS_FROM = "v1"
COMMERCIAL = ("hs", "moq", "lead_time", "certifications", "destination", "trust")
TOP = 10


@dataclass(frozen=True)
class QueryPool:
    query: Query
    keys: list[str]
    rows: list[list[float]]
    labels: list[int]


@dataclass(frozen=True)
class Training:
    document: dict[str, Any]
    overall: Scores
    per_set: dict[str, Scores]
    folds: int


async def collect(loaded: Loaded, on_progress: Progress | None = None) -> list[QueryPool]:
    pools = []
    async with loaded.sessions() as session:
        for rfq, query in zip(loaded.rfqs, loaded.queries, strict=True):
            wanted, pool = await listing_pool(session, loaded.backend, rfq)
            found = [candidate for candidate, _ in pool]
            keys = [loaded.keys[candidate.listing.id] for candidate in found]
            rows = [[signals[name] for name in SIGNALS] for signals in pool_signals(wanted, found)]
            pools.append(QueryPool(query, keys, rows, [int(key in query.relevant) for key in keys]))
            if on_progress:
                on_progress(1)
    return pools


def _booster(pools: Sequence[QueryPool]) -> Any:
    import lightgbm  # only the training command needs it (and numpy): pip install -e ".[train]"
    import numpy

    rows = numpy.asarray([row for pool in pools for row in pool.rows], dtype=numpy.float64)
    labels = numpy.asarray([label for pool in pools for label in pool.labels])
    dataset = lightgbm.Dataset(rows, labels, group=[len(pool.rows) for pool in pools],
                               feature_name=list(SIGNALS), free_raw_data=True)
    return lightgbm.train(PARAMETERS, dataset, num_boost_round=ROUNDS)


def _ranking(booster: Any, pool: QueryPool) -> list[str]:
    if not pool.rows:
        return []
    import numpy

    predicted = booster.predict(numpy.asarray(pool.rows, dtype=numpy.float64))
    order = sorted(range(len(pool.keys)), key=lambda index: (-predicted[index], index))
    return [pool.keys[index] for index in order[:TOP]]


def fold_of(count: int, folds: int, seed: int) -> list[int]:
    """Each query's fold: a seeded shuffle dealt round-robin."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    assigned = [0] * count
    for position, index in enumerate(order):
        assigned[index] = position % folds
    return assigned


def out_of_fold(pools: Sequence[QueryPool], folds: int, seed: int) -> list[list[str]]:
    assigned = fold_of(len(pools), folds, seed)
    rankings: list[list[str]] = [[] for _ in pools]
    for fold in range(folds):
        booster = _booster([pool for pool, mine in zip(pools, assigned, strict=True) if mine != fold])
        for index, (pool, mine) in enumerate(zip(pools, assigned, strict=True)):
            if mine == fold:
                rankings[index] = _ranking(booster, pool)
    return rankings


def model_document(booster: Any, version: str, about: str) -> dict[str, Any]:
    dumped = booster.dump_model()
    commercial = load_model(COMMERCIAL_WEIGHTS_FROM)
    weights = getattr(commercial, "weights", {})
    return {"version": version, "kind": "lambdarank", "about": about, "signals": list(dumped["feature_names"]),
            "weights": {name: weights.get(name, 0.0) for name in COMMERCIAL},
            "parameters": {**PARAMETERS, "rounds": ROUNDS},
            "trees": [flatten_lightgbm(tree["tree_structure"]) for tree in dumped["tree_info"]]}


async def train(corpus: Path, queries: Path, engine: str, settings: Settings, *, version: str, folds: int,
                seed: int, on_progress: Progress | None = None) -> Training:
    async with loaded_benchmark(corpus, queries, engine, settings) as loaded:
        pools = await collect(loaded, on_progress)
    overall, per_set = score([pool.query for pool in pools], out_of_fold(pools, folds, seed))
    about = (f"LambdaRank trees over matching/signals.py, trained by `tradeleads eval matching-train` on "
             f"{queries.name} ({len(pools)} queries, {engine} candidates); out-of-fold MRR@10 {overall.mrr:.4f} "
             f"over {folds} query folds. Commercial factors weighted as in v1.")
    return Training(model_document(_booster(pools), version, about), overall, per_set, folds)
