"""The matching model in one versioned place: the shipped trained model, its explanations, and the switch."""

import json
from pathlib import Path

import pytest

from matching.model import ENVIRONMENT_VARIABLE, LinearModel, ModelError, RankerModel, configured_model, load_model
from matching.signals import SIGNALS


def test_the_default_is_the_trained_model_and_its_explanations_add_up() -> None:
    model = load_model()
    assert isinstance(model, RankerModel) and model.version == "v2"
    assert list(model.forest.signals) == list(SIGNALS)
    row = [0.5] * len(SIGNALS)

    credit = model.forest.explain(row)

    assert model.forest.predict(row) == pytest.approx(model.forest.bias + sum(credit.values()))
    assert model.forest.floor <= model.forest.predict(row)


def test_the_environment_swaps_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "v1")
    model = configured_model()
    assert isinstance(model, LinearModel)
    assert (model.version, model.weights["text"], model.weights["model"]) == ("v1", 0.4, 0.25)


@pytest.mark.parametrize(("content", "message"), [
    ("{", "cannot read the matching model"),
    ('{"kind": "linear", "weights": {"colour": 1}}', "`weights` must map factor names"),
    ('{"kind": "lambdarank", "signals": ["relevance"], "weights": {}}', "needs `signals`"),
])
def test_a_broken_model_file_is_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / f"broken-{len(content)}.json"
    path.write_text(content)

    with pytest.raises(ModelError, match=message) as error:
        load_model(str(path))
    assert str(path) in str(error.value)


def test_a_linear_model_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"version": "mine", "kind": "linear", "weights": {"price": 1.0}}))
    model = load_model(str(path))
    assert isinstance(model, LinearModel) and model.weights == {"price": 1.0}
