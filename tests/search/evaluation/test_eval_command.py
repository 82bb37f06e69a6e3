"""`tradeleads eval search` end to end on a tiny benchmark: 20 offers from two sources, 5 queries of which 4 have
their product in the corpus (written with other spacing, case, accents and punctuation of the model number) and
one names an offer that is not there, so every metric is exactly 0.8 overall."""

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from app.cli import cli
from tests.search.conftest import ENGINES

DATA = Path(__file__).parent / "data"
WIDE = {"COLUMNS": "200"}


async def eval_search(*args: str) -> Result:
    command = ["eval", "search", "--corpus", str(DATA / "corpus.jsonl"), "--queries", str(DATA / "queries.jsonl")]
    return await asyncio.to_thread(CliRunner().invoke, cli, [*command, *args], env=WIDE)


@pytest.mark.parametrize("engine", ENGINES)
async def test_eval_search_prints_the_scores_and_ends_with_one_json_line(engine: str) -> None:
    result = await eval_search("--backend", engine)

    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[-1]) == {
        "mrr_at_10": 0.8, "recall_at_10": 0.8, "ndcg_at_10": 0.8,
        "per_set": {
            "cameras-and-more": {"mrr_at_10": 1.0, "recall_at_10": 1.0, "ndcg_at_10": 1.0, "queries": 3},
            "software": {"mrr_at_10": 0.5, "recall_at_10": 0.5, "ndcg_at_10": 0.5, "queries": 2},
        },
        "queries": 5, "backend": engine,
    }
    assert "│ overall          │       5 │ 0.8000 │    0.8000 │  0.8000 │" in result.output


async def test_a_corpus_line_that_is_not_json_is_reported_by_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "source": "s", "title": "pump"}\n{broken\n')

    result = await asyncio.to_thread(CliRunner().invoke, cli, [
        "eval", "search", "--corpus", str(corpus), "--queries", str(DATA / "queries.jsonl")], env=WIDE)

    assert result.exit_code == 2
    assert f"{corpus}:2: not JSON" in result.output


async def test_a_missing_queries_file_is_a_usage_error(tmp_path: Path) -> None:
    result = await asyncio.to_thread(CliRunner().invoke, cli, [
        "eval", "search", "--corpus", str(DATA / "corpus.jsonl"), "--queries", str(tmp_path / "nope.jsonl")],
        env=WIDE)

    assert result.exit_code == 2
    assert "nope.jsonl: No such file or directory" in result.output
