"""`tradeleads eval matching` end to end on the tiny benchmark of `eval search` (tests/search/evaluation/data): each
query becomes an RFQ ranked by the matching engine; four queries have their product in the corpus, one names an
offer that is not there."""

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from app.cli import cli
from tests.search.conftest import ENGINES

DATA = Path(__file__).parents[1] / "search" / "evaluation" / "data"
WIDE = {"COLUMNS": "200"}


async def eval_matching(*args: str) -> Result:
    command = ["eval", "matching", "--corpus", str(DATA / "corpus.jsonl"), "--queries", str(DATA / "queries.jsonl")]
    return await asyncio.to_thread(CliRunner().invoke, cli, [*command, *args], env=WIDE)


@pytest.mark.parametrize("engine", ENGINES)
async def test_eval_matching_prints_the_scores_and_ends_with_one_json_line(engine: str) -> None:
    result = await eval_matching("--backend", engine)

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


async def test_top_limits_the_ranking_and_bad_files_are_usage_errors(tmp_path: Path) -> None:
    missing = await asyncio.to_thread(CliRunner().invoke, cli, [
        "eval", "matching", "--corpus", str(DATA / "corpus.jsonl"), "--queries", str(tmp_path / "nope.jsonl")],
        env=WIDE)

    assert missing.exit_code == 2
    assert "nope.jsonl: No such file or directory" in missing.output


async def test_hs_accuracy_is_printed_for_a_labelled_file(tmp_path: Path) -> None:
    labelled = tmp_path / "hs.jsonl"
    labelled.write_text('{"text": "frozen shrimps and prawns", "hs_code": "030617"}\n'
                        '{"text": "roasted coffee beans", "hs_code": "090121"}\n')

    result = await asyncio.to_thread(CliRunner().invoke, cli, ["eval", "hs", "--labelled", str(labelled)], env=WIDE)

    assert result.exit_code == 0, result.output
    # Words cannot tell "roasted" from "not roasted": 0901.11 comes first, the right 0901.21 second.
    assert json.loads(result.output.splitlines()[-1]) == {"top1": 0.5, "top3": 1.0, "examples": 2}
    assert "top-1 50.0%, top-3 100.0%" in result.output
