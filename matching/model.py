"""The matching model: which weights (or trained model) turn factor values into a score. One versioned file per
model under matching/weights/; TRADELEADS_MATCHING_MODEL names the one in use (default `v1`), or a path to a
file of the same format."""

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matching.factors import FACTORS

WEIGHTS_DIR = Path(__file__).parent / "weights"
DEFAULT_MODEL = "v1"
ENVIRONMENT_VARIABLE = "TRADELEADS_MATCHING_MODEL"


class ModelError(ValueError):
    """A model file that cannot be used: the message names the file."""


@dataclass(frozen=True)
class LinearModel:
    version: str
    weights: dict[str, float]

    def contributions(self, values: dict[str, float]) -> dict[str, float]:
        return {name: self.weights.get(name, 0.0) * value for name, value in values.items()}


def _path(name: str) -> Path:
    candidate = Path(name)
    return candidate if candidate.suffix == ".json" else WEIGHTS_DIR / f"{name}.json"


@lru_cache(maxsize=8)
def load_model(name: str = DEFAULT_MODEL) -> LinearModel:
    path = _path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the matching model ({exc})") from exc
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict) or set(weights) - set(FACTORS):
        raise ModelError(f"{path}: `weights` must map factor names ({', '.join(FACTORS)}) to numbers")
    return LinearModel(str(data.get("version", path.stem)), {key: float(value) for key, value in weights.items()})


def configured_model() -> LinearModel:
    return load_model(os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_MODEL)
