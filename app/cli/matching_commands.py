"""`tradeleads eval matching`, `tradeleads eval hs` and `tradeleads eval matching-train`: the matching engine
and the HS suggester measured on labelled data. Registered on the `eval` group with `register(eval_app)`."""

import json
from pathlib import Path

import typer

from app.cli.eval_commands import BACKEND, CORPUS, QUERIES, Engine, print_table, report, with_progress
from app.cli.runtime import console, fail
from app.core.config import get_settings
from matching.evaluation import evaluate_matching
from matching.hs.evaluation import measure, read_labelled
from matching.training import train
from search.evaluation.dataset import DatasetError
from search.evaluation.run import Evaluation


def matching(corpus: Path = CORPUS, queries: Path = QUERIES, backend: Engine = BACKEND,
             top: int = typer.Option(10, "--top", min=1, max=100, help="Matches ranked per RFQ.")) -> None:
    """Each query as an RFQ through the matching engine: MRR@10, Recall@10 and nDCG@10 overall and per set, then
    the same as one JSON line."""
    settings = get_settings()
    evaluation: Evaluation = with_progress("Matching", queries, lambda advance: evaluate_matching(
        corpus, queries, backend.value, settings, top=top, on_progress=advance))
    report(evaluation)


def matching_train(corpus: Path = CORPUS, queries: Path = QUERIES, backend: Engine = BACKEND,
                   out: Path = typer.Option(..., "--out", help="Model file to write (JSON)."),
                   version: str = typer.Option("v2", "--version", help="Version written in the model file."),
                   folds: int = typer.Option(5, "--folds", min=2, max=20, help="Query folds for the figures."),
                   seed: int = typer.Option(7, "--seed", help="Seed of the fold assignment.")) -> None:
    """Train the LambdaRank matching model (needs `pip install -e ".[train]"`); prints out-of-fold figures."""
    settings = get_settings()
    try:
        import lightgbm  # noqa: F401
    except ImportError:
        fail('LightGBM is not installed: pip install -e ".[train]"')
    result = with_progress("Collecting", queries, lambda advance: train(
        corpus, queries, backend.value, settings, version=version, folds=folds, seed=seed, on_progress=advance))
    out.write_text(json.dumps(result.document, separators=(",", ":")) + "\n", encoding="utf-8")
    print_table(Evaluation(f"{backend.value}, out-of-fold ({result.folds} folds)", result.overall,
                            result.per_set, 0))
    console.print(f"Wrote {out} ({out.stat().st_size:,} bytes, {len(result.document['trees'])} trees)")


def hs(labelled: Path = typer.Option(..., "--labelled", help="JSON Lines of {\"text\", \"hs_code\"}.")) -> None:
    """Top-1 and top-3 accuracy of the HS code suggester, then the same as one JSON line."""
    try:
        accuracy = measure(read_labelled(labelled))
    except DatasetError as exc:
        fail(str(exc))
    console.print(f"HS suggestions on {accuracy.examples} labelled texts: top-1 {accuracy.top1:.1%}, "
                  f"top-3 {accuracy.top3:.1%}")
    print(json.dumps(accuracy.as_json()))


def register(eval_app: typer.Typer) -> None:
    eval_app.command("matching")(matching)
    eval_app.command("hs")(hs)
    eval_app.command("matching-train")(matching_train)
