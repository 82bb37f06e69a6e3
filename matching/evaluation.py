"""`eval matching`: the corpus as published listings (one supplier organisation per source x brand or
manufacturer), each query as an open RFQ of a scratch buyer, ranked through the matching engine's real path, and
scored with the same metrics, scratch database and index as `eval search`."""

import tempfile
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from app.core.clock import utcnow
from app.core.config import Settings
from app.models import Listing, Organization, Rfq
from app.models.enums import OrganizationRole, RfqStatus, Unit
from matching.engine import rank_listings
from matching.model import MatchingModel
from search.backend import SearchBackend
from search.evaluation.dataset import Offer, Query, jsonl_records, read_corpus, read_queries
from search.evaluation.run import INDEX_BATCH, Evaluation, score
from search.evaluation.scratch import Sessions, load_offers, scratch_backend, scratch_database
from search.reindex import reindex
from search.types import DocType

Progress = Callable[[int], None]
DESCRIPTION_FIELDS = ("brand", "manufacturer", "modelno", "category")
LABELS = {"modelno": "model"}
BUYER_ID = 1_000_000
OPEN_DAYS = 365


def supplier_key(item: Offer) -> str:
    """One supplier organisation per source and brand (or manufacturer); per source where neither is given."""
    maker = item.specs.get("brand") or item.specs.get("manufacturer") or ""
    return f"{item.source} / {maker.casefold()}" if maker else item.source


def _price(value: object) -> str | None:
    try:
        amount = float(str(value).replace(",", "").lstrip("$"))
    except ValueError:
        return None
    return f"{amount:.2f}" if amount > 0 else None


def rfq_row(number: int, record: dict[str, Any], today: date) -> dict[str, Any]:
    """`name` or `title` -> title; the other fields, labelled, and `description` -> description; price -> target."""
    title = " ".join(str(record.get("name") or record.get("title") or "").split())[:200]
    lines = [f"{LABELS.get(name, name)}: {record[name]}" for name in DESCRIPTION_FIELDS if record.get(name)]
    if record.get("description"):
        lines.append(" ".join(str(record["description"]).split()))
    target = _price(record.get("price")) if record.get("price") is not None else None
    now = utcnow()
    return {"id": number, "organization_id": BUYER_ID, "title": title, "description": "\n".join(lines),
            "quantity": 1, "unit": Unit.PIECE, "target_unit_price": target, "currency": "USD" if target else None,
            "required_certifications": [], "valid_until": today + timedelta(days=OPEN_DAYS),
            "status": RfqStatus.OPEN, "opened_at": now, "created_at": now, "updated_at": now}


def read_rfq_records(path: Path) -> list[dict[str, Any]]:
    return [record for _, record in jsonl_records(path)]


async def assign_suppliers(sessions: Sessions, offers: Sequence[Offer]) -> None:
    """Moves each listing (ids follow the corpus order) to its source x brand organisation."""
    keys = sorted({supplier_key(item) for item in offers})
    numbers = {key: BUYER_ID + 1 + index for index, key in enumerate(keys)}
    async with sessions.begin() as session:
        await session.execute(insert(Organization), [
            {"id": number, "name": key, "slug": f"eval-supplier-{number}", "role": OrganizationRole.SUPPLIER,
             "country": "US"} for key, number in numbers.items()])
        await session.execute(update(Listing), [
            {"id": index, "organization_id": numbers[supplier_key(item)]} for index, item in enumerate(offers, 1)])


async def load_rfqs(sessions: Sessions, records: Sequence[dict[str, Any]], today: date) -> list[Rfq]:
    async with sessions.begin() as session:
        await session.execute(insert(Organization), [{"id": BUYER_ID, "name": "Evaluation buyer",
                                                      "slug": "eval-buyer", "role": OrganizationRole.BUYER,
                                                      "country": "US"}])
        await session.execute(insert(Rfq), [rfq_row(number, record, today)
                                            for number, record in enumerate(records, 1)])
    async with sessions() as session:
        return list((await session.scalars(select(Rfq).order_by(Rfq.id))).all())


@dataclass(frozen=True)
class Loaded:
    sessions: Sessions
    backend: SearchBackend
    keys: dict[int, str]
    """Listing id -> corpus id."""
    rfqs: list[Rfq]
    queries: list[Query]


@asynccontextmanager
async def loaded_benchmark(corpus: Path, queries_path: Path, engine: str, settings: Settings) -> AsyncIterator[Loaded]:
    """The corpus published and indexed, the queries as open RFQs (in file order), in a scratch database."""
    offers = read_corpus(corpus)
    queries = read_queries(queries_path)
    records = read_rfq_records(queries_path)
    with tempfile.TemporaryDirectory(prefix="tradeleads-eval-matching-") as folder:
        async with scratch_database(Path(folder)) as sessions, \
                scratch_backend(engine, Path(folder), settings) as backend:
            keys = await load_offers(sessions, offers)
            await assign_suppliers(sessions, offers)
            await reindex(sessions, backend, DocType.LISTINGS, batch_size=INDEX_BATCH)
            yield Loaded(sessions, backend, keys, await load_rfqs(sessions, records, utcnow().date()), queries)


async def evaluate_matching(corpus: Path, queries_path: Path, engine: str, settings: Settings, *, top: int = 10,
                            model: MatchingModel | None = None, on_progress: Progress | None = None) -> Evaluation:
    rankings: list[list[str]] = []
    async with loaded_benchmark(corpus, queries_path, engine, settings) as loaded, loaded.sessions() as session:
        for rfq in loaded.rfqs:
            matches = await rank_listings(session, loaded.backend, rfq, limit=top, model=model)
            rankings.append([loaded.keys[match.listing_id] for match in matches[:top]])
            if on_progress:
                on_progress(1)
        listings = len(loaded.keys)
    overall, per_set = score(loaded.queries, rankings)
    return Evaluation(engine, overall, per_set, listings)
