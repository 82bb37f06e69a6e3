"""The matching model: what turns factor values into a score. One versioned file per model under
matching/weights/ (documented in its `about`); TRADELEADS_MATCHING_MODEL names the one in use (default below),
or is a path to a file of the same format.

- `linear` (v1): score = sum of weight x factor value.
- `lambdarank` (v2): gradient-boosted trees (trained by `tradeleads eval matching-train`) over the pool signals of
  matching/signals.py decide whether a listing is the product asked for; the commercial factors the training
  data cannot teach (HS, MOQ, lead time, certifications, destination, trust) add their `weights` on top."""

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from app.core.config import Settings
from matching.factors import FACTORS
from matching.signals import SIGNAL_FACTORS, Candidate, pool_signals
from matching.trees import Forest, parse_forest
from matching.views import RfqView

WEIGHTS_DIR = Path(__file__).parent / "weights"
DEFAULT_MODEL = "v2"
ENVIRONMENT_VARIABLE = "TRADELEADS_MATCHING_MODEL"


class ModelError(ValueError):
    """A model file that cannot be used: the message names the file."""


class Evaluated(Protocol):
    """A candidate pool scored by a model: every score at once, each explanation on demand."""

    @property
    def scores(self) -> list[float]: ...

    def explain(self, index: int) -> dict[str, float]:
        """Each factor's contribution to the candidate's score."""


class MatchingModel(Protocol):
    @property
    def version(self) -> str: ...

    def evaluate(self, rfq: RfqView, candidates: Sequence[Candidate]) -> Evaluated: ...


def _weighted(weights: dict[str, float], candidate: Candidate) -> dict[str, float]:
    return {name: weights.get(name, 0.0) * found.value for name, found in candidate.assessments.items()}


@dataclass(frozen=True)
class LinearPool:
    contributions: list[dict[str, float]]
    scores: list[float] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", [sum(found.values()) for found in self.contributions])

    def explain(self, index: int) -> dict[str, float]:
        return self.contributions[index]


@dataclass(frozen=True)
class LinearModel:
    version: str
    weights: dict[str, float]

    def evaluate(self, rfq: RfqView, candidates: Sequence[Candidate]) -> Evaluated:
        return LinearPool([_weighted(self.weights, candidate) for candidate in candidates])


@dataclass(frozen=True)
class RankerPool:
    forest: Forest
    rows: list[list[float]]
    commercial: list[dict[str, float]]
    scores: list[float]

    def explain(self, index: int) -> dict[str, float]:
        contributions = dict(self.commercial[index])
        for signal, credit in self.forest.explain(self.rows[index]).items():
            factor = SIGNAL_FACTORS[signal]
            contributions[factor] = contributions.get(factor, 0.0) + credit
        return contributions


@dataclass(frozen=True)
class RankerModel:
    version: str
    forest: Forest
    weights: dict[str, float]
    """Added linearly, for the factors the trees never saw."""

    def evaluate(self, rfq: RfqView, candidates: Sequence[Candidate]) -> Evaluated:
        """Scores are the trees' output above their floor (never negative, so the tier multiplier only lifts)
        plus the commercial factors; the explanations add up to the score less the trees' expected value."""
        rows = [self.forest.row(signals) for signals in pool_signals(rfq, candidates)]
        commercial = [_weighted(self.weights, candidate) for candidate in candidates]
        floor = self.forest.floor
        scores = [self.forest.predict(row) - floor + sum(extra.values()) for row, extra in zip(rows, commercial,
                                                                                                strict=True)]
        return RankerPool(self.forest, rows, commercial, scores)


def _path(name: str) -> Path:
    candidate = Path(name)
    return candidate if candidate.suffix == ".json" else WEIGHTS_DIR / f"{name}.json"


def _weights(path: Path, data: dict[str, Any]) -> dict[str, float]:
    weights = data.get("weights")
    if not isinstance(weights, dict) or set(weights) - set(FACTORS):
        raise ModelError(f"{path}: `weights` must map factor names ({', '.join(FACTORS)}) to numbers")
    return {key: float(value) for key, value in weights.items()}


def parse_model(path: Path, data: dict[str, Any]) -> MatchingModel:
    version = str(data.get("version", path.stem))
    if data.get("kind", "linear") == "linear":
        return LinearModel(version, _weights(path, data))
    signals, trees = data.get("signals"), data.get("trees")
    if data.get("kind") != "lambdarank" or not isinstance(signals, list) or not isinstance(trees, list) \
            or set(signals) - set(SIGNAL_FACTORS):
        raise ModelError(f"{path}: a lambdarank model needs `signals` (names from matching/signals.py) and `trees`")
    try:
        forest = parse_forest(signals, trees)
    except (TypeError, ValueError, IndexError) as exc:
        raise ModelError(f"{path}: malformed trees ({exc})") from exc
    return RankerModel(version, forest, _weights(path, data))


@lru_cache(maxsize=8)
def load_model(name: str = DEFAULT_MODEL) -> MatchingModel:
    path = _path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the matching model ({exc})") from exc
    if not isinstance(data, dict):
        raise ModelError(f"{path}: not a model object")
    return parse_model(path, data)


def configured_model() -> MatchingModel:
    """The model the setting names; a changed environment variable takes effect without a restart (load_model
    caches the parsed file)."""
    return load_model(_configured_name(os.environ.get(ENVIRONMENT_VARIABLE)))


@lru_cache
def _configured_name(_environment_value: str | None) -> str:
    # Settings() reads the environment and .env (some 3 ms): once per value of the variable, not per match.
    return Settings().matching_model or DEFAULT_MODEL
