"""Opaque pagination cursors: the sort values of the last hit, bound to the sort they came from."""

import base64
import binascii
import json

from search.errors import InvalidCursor
from search.types import Sort

SortValues = tuple[float, int]


def encode(sort: Sort, key: float, doc_id: int) -> str:
    raw = json.dumps([sort.value, key, doc_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, sort: Sort) -> SortValues:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, key, doc_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise InvalidCursor("cursor is not valid") from exc
    valid = name == sort.value and isinstance(key, int | float) and isinstance(doc_id, int)
    if not valid or isinstance(key, bool) or isinstance(doc_id, bool):
        raise InvalidCursor("cursor does not belong to this query")
    return float(key), doc_id


def encode_offset(sort: Sort, offset: int) -> str:
    """For result pages that cannot be continued by sort values (one hit per supplier on OpenSearch)."""
    raw = json.dumps([f"{sort.value}@", offset], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_offset(cursor: str, sort: Sort) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, offset = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise InvalidCursor("cursor is not valid") from exc
    if name != f"{sort.value}@" or not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise InvalidCursor("cursor does not belong to this query")
    return offset
