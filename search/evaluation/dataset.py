"""The product-matching benchmark files: corpus offers (treated as supplier listings) and labelled queries
(treated as buyers' requests). One JSON object a line; fields vary by source."""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

TITLE_LENGTH = 200
QUERY_FIELDS = ("title", "name", "brand", "manufacturer", "modelno", "category", "description")
SPEC_FIELDS = {"brand": "brand", "manufacturer": "manufacturer", "modelno": "model"}


class DatasetError(ValueError):
    """A benchmark file that cannot be read: the message names the file and line."""


@dataclass(frozen=True)
class Offer:
    """One corpus line as the fields of a published listing."""

    key: str
    source: str
    title: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    specs: dict[str, str] = field(default_factory=dict)
    price: Decimal | None = None


@dataclass(frozen=True)
class Query:
    key: str
    set: str
    text: str
    relevant: frozenset[str]


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank line of a JSON Lines file as (line number, object); DatasetError names the file and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DatasetError(f"{path}:{number}: not JSON ({exc.msg})") from exc
                if not isinstance(record, dict):
                    raise DatasetError(f"{path}:{number}: not a JSON object")
                yield number, record
    except OSError as exc:
        raise DatasetError(f"{path}: {exc.strerror or exc}") from exc


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _price(value: object) -> Decimal | None:
    try:
        price = Decimal(str(value).replace(",", "").lstrip("$"))
    except (InvalidOperation, ValueError):
        return None
    return price if price.is_finite() and price > 0 else None


def _title(record: dict[str, Any]) -> str:
    title = _text(record, "title") or _text(record, "name")
    return title if len(title) <= TITLE_LENGTH else title[:TITLE_LENGTH].rsplit(" ", 1)[0]


def offer(record: dict[str, Any]) -> Offer:
    """Title (or name) -> title; category -> keyword; brand, manufacturer and model number -> specs; price in USD."""
    specs = {label: _text(record, name) for name, label in SPEC_FIELDS.items() if _text(record, name)}
    category = _text(record, "category")
    return Offer(key=str(record["id"]), source=str(record["source"]), title=_title(record),
                 description=_text(record, "description"), keywords=[category] if category else [],
                 specs=specs, price=_price(record["price"]) if record.get("price") else None)


def read_corpus(path: Path) -> list[Offer]:
    offers: list[Offer] = []
    for number, record in jsonl_records(path):
        if not record.get("id") or not record.get("source") or not _title(record):
            raise DatasetError(f"{path}:{number}: a corpus offer needs id, source and title or name")
        offers.append(offer(record))
    return offers


def query_text(record: dict[str, Any]) -> str:
    """Every text field of a request, joined as one free-text query (prices and ids are not text)."""
    return " ".join(text for text in (_text(record, name) for name in QUERY_FIELDS) if text)


def read_queries(path: Path) -> list[Query]:
    queries: list[Query] = []
    for number, record in jsonl_records(path):
        relevant = record.get("relevant")
        if not record.get("id") or not isinstance(relevant, list) or not query_text(record):
            raise DatasetError(f"{path}:{number}: a query needs id, text fields and a list of relevant ids")
        queries.append(Query(str(record["id"]), str(record.get("set") or "all"), query_text(record),
                             frozenset(str(key) for key in relevant)))
    return queries
