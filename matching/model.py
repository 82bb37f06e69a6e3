"""The matching model: what turns factor values into a score. One versioned file per model under
matching/weights/ (documented in its `about`); TRADELEADS_MATCHING_MODEL names the one in use (default below),
or is a path to a file of the same format.

- `linear`: score = sum of weight x factor value.
- `lambdarank`: gradient-boosted trees (trained by `tradeleads matching train`) over the pool signals of
  matching/signals.py decide whether a listing is the product asked for; the commercial factors the training
  data cannot teach (HS, MOQ, lead time, certifications, destination, trust) add their `weights` on top."""

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from matching.factors import FACTORS
from matching.signals import SIGNAL_FACTORS, Candidate, pool_signals
from matching.trees import Forest, parse_forest
from matching.views import RfqView

WEIGHTS_DIR = Path(__file__).parent / "weights"
DEFAULT_MODEL = "v1"
ENVIRONMENT_VARIABLE = "TRADELEADS_MATCHING_MODEL"

Scored = tuple[float, dict[str, float]]
"""A baseline the factors build on, and each factor's contribution."""


class ModelError(ValueError):
    """A model file that cannot be used: the message names the file."""


class MatchingModel(Protocol):
    @property
    def version(self) -> str: ...

    def score(self, rfq: RfqView, candidates: Sequence[Candidate]) -> list[Scored]: ...


def _weighted(weights: dict[str, float], candidate: Candidate) -> dict[str, float]:
    return {name: weights.get(name, 0.0) * found.value for name, found in candidate.assessments.items()}


@dataclass(frozen=True)
class LinearModel:
    version: str
    weights: dict[str, float]

    def score(self, rfq: RfqView, candidates: Sequence[Candidate]) -> list[Scored]:
        return [(0.0, _weighted(self.weights, candidate)) for candidate in candidates]


@dataclass(frozen=True)
class RankerModel:
    version: str
    forest: Forest
    weights: dict[str, float]
    """Added linearly, for the factors the trees never saw."""

    def score(self, rfq: RfqView, candidates: Sequence[Candidate]) -> list[Scored]:
        baseline = self.forest.bias - self.forest.floor
        scored = []
        for candidate, signals in zip(candidates, pool_signals(rfq, candidates), strict=True):
            contributions = _weighted(self.weights, candidate)
            for signal, credit in self.forest.explain(signals).items():
                factor = SIGNAL_FACTORS[signal]
                contributions[factor] = contributions.get(factor, 0.0) + credit
            scored.append((baseline, contributions))
        return scored


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
    return RankerModel(version, parse_forest(signals, trees), _weights(path, data))


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
    return load_model(os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_MODEL)
