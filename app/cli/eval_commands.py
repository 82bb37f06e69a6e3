"""`tradeleads eval search`: relevance measured on a labelled benchmark, in a scratch database and index."""

import asyncio
import json
from collections.abc import Callable, Coroutine
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy.ext.asyncio import AsyncSession

from app.cli.runtime import FAILURE, console, database_errors, fail
from app.core.config import get_settings
from app.search_api.params import ListingSearchParams
from app.search_api.service import search_listings
from matching.model import ModelError
from search.backend import SearchBackend
from search.errors import SearchUnavailable
from search.evaluation.dataset import DatasetError, read_queries
from search.evaluation.run import Evaluation, evaluate

T = TypeVar("T")

eval_app = typer.Typer(help="Measure search quality on labelled data.", no_args_is_help=True)


class Engine(StrEnum):
    EMBEDDED = "embedded"
    OPENSEARCH = "opensearch"


def print_table(evaluation: Evaluation) -> None:
    listings = f": {evaluation.listings} listings" if evaluation.listings else ""
    table = Table(title=f"{evaluation.backend}{listings}")
    for column in ("set", "queries", "MRR@10", "Recall@10", "nDCG@10"):
        table.add_column(column, justify="left" if column == "set" else "right")
    rows = [*sorted(evaluation.per_set.items()), ("overall", evaluation.overall)]
    for name, scores in rows:
        table.add_row(name, str(scores.queries), f"{scores.mrr:.4f}", f"{scores.recall:.4f}", f"{scores.ndcg:.4f}")
    console.print(table)


def report(evaluation: Evaluation) -> None:
    """The table, then the same figures as one JSON line (other tools read that line)."""
    print_table(evaluation)
    print(json.dumps(evaluation.as_json()))


CORPUS = typer.Option(..., "--corpus", help="JSON Lines offers, loaded as published listings.")
QUERIES = typer.Option(..., "--queries", help="JSON Lines queries with the ids of relevant offers.")
BACKEND = typer.Option(Engine.EMBEDDED, "--backend", help="Engine to evaluate.")


def with_progress(label: str, queries: Path, work: Callable[[Callable[[int], None]], Coroutine[Any, Any, T]]) -> T:
    """Runs an evaluation with a progress bar over the queries; bad data and an unreachable engine end the
    command with their message."""
    try:
        total = len(read_queries(queries))
        columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as progress, database_errors():
            task = progress.add_task("queries", total=total)
            return asyncio.run(work(lambda done: progress.advance(task, done)))
    except (DatasetError, ModelError, ValueError) as exc:
        fail(str(exc))
    except SearchUnavailable as exc:
        fail(f"The search engine is unavailable: {exc}", FAILURE)


async def api_ranking(session: AsyncSession, backend: SearchBackend, text: str, size: int) -> list[int]:
    """The listing ids of the first results page for `text`, asked through the search service the API uses."""
    results = await search_listings(session, backend, ListingSearchParams(q=text, per_page=size))
    return [found.item[0].id for found in results.items]


@eval_app.command("search")
def search(corpus: Path = CORPUS, queries: Path = QUERIES, backend: Engine = BACKEND) -> None:
    """Print MRR@10, Recall@10 and nDCG@10 overall and per query set, then the same as one JSON line."""
    settings = get_settings()
    evaluation: Evaluation = with_progress("Searching", queries, lambda advance: evaluate(
        corpus, queries, backend.value, settings, api_ranking, on_progress=advance))
    report(evaluation)
