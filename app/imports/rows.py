"""Reading an import file into numbered rows of field values; the schema validates them later.

CSV cells are text: empty cells are left out, list columns split on ';' or '|', mapping columns take
`key=value;key=value` or a JSON object. JSON Lines rows are objects whose values are passed on as they are.
"""

import csv
import io
import json
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.core.errors import AppError, FieldError

LIST_SEPARATOR = re.compile(r"[;|]")
ROW = "row"


class FileFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


EXTENSIONS = {".csv": FileFormat.CSV, ".jsonl": FileFormat.JSONL, ".ndjson": FileFormat.JSONL}


@dataclass(frozen=True)
class Columns:
    """What the target schema accepts, and which of its fields hold lists or mappings."""

    known: Collection[str]
    lists: Collection[str] = ()
    mappings: Collection[str] = ()


@dataclass(frozen=True)
class RawRow:
    line: int
    values: dict[str, Any]
    errors: list[FieldError] = field(default_factory=list)


def file_problem(detail: str) -> AppError:
    return AppError(detail, code="import_file_unusable", status=400, title="Import file unusable")


def detect_format(path: Path, requested: FileFormat | None) -> FileFormat:
    if requested is not None:
        return requested
    found = format_of(path.name)
    if found is None:
        raise file_problem(f"Cannot tell the format of {path.name} from its extension; pass --format csv or jsonl")
    return found


def format_of(file_name: str) -> FileFormat | None:
    """The format a file's extension names, or None."""
    return EXTENSIONS.get(Path(file_name).suffix.lower())


def read_rows(path: Path, file_format: FileFormat, columns: Columns) -> list[RawRow]:
    """Every row of the file; a file that cannot be read as a whole is an AppError, before anything is written."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return _rows(handle, file_format, columns)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise file_problem(f"Cannot read {path}: {exc}") from exc


def read_uploaded_rows(data: bytes, name: str, file_format: FileFormat, columns: Columns) -> list[RawRow]:
    """The rows of an uploaded file (UTF-8, a byte-order mark allowed), read as `read_rows` reads a file."""
    try:
        return _rows(io.StringIO(data.decode("utf-8-sig"), newline=""), file_format, columns)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise file_problem(f"Cannot read {name}: {exc}") from exc


def _rows(lines: Iterable[str], file_format: FileFormat, columns: Columns) -> list[RawRow]:
    if file_format == FileFormat.CSV:
        return list(_csv_rows(lines, columns))
    return list(_jsonl_rows(lines))


def _csv_rows(lines: Iterable[str], columns: Columns) -> Iterator[RawRow]:
    reader = csv.DictReader(lines, restkey=ROW)
    header = [name.strip() for name in reader.fieldnames or []]
    unknown = sorted(set(header) - set(columns.known) - {""})  # a trailing comma makes an unnamed column
    if unknown:
        raise file_problem(f"Unknown columns: {', '.join(unknown)}; expected some of {', '.join(columns.known)}")
    reader.fieldnames = header
    for record in reader:
        yield _csv_row(reader.line_num, record, columns)


def _csv_row(line: int, record: dict[str, Any], columns: Columns) -> RawRow:
    values: dict[str, Any] = {}
    errors = [FieldError(ROW, "more cells than columns", "extra_cells")] if ROW in record else []
    for name, cell in record.items():
        if name in (ROW, "") or cell is None or not cell.strip():
            continue
        try:
            values[name] = _cell(name, cell.strip(), columns)
        except ValueError as exc:
            errors.append(FieldError(name, str(exc), "unreadable_cell"))
    return RawRow(line, values, errors)


def _cell(name: str, text: str, columns: Columns) -> Any:
    if name in columns.lists:
        return [part.strip() for part in LIST_SEPARATOR.split(text) if part.strip()]
    if name in columns.mappings:
        return _mapping(text)
    return text


def _mapping(text: str) -> dict[str, Any]:
    if text.startswith("{"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not a valid JSON object: {exc.msg}") from exc
        if not isinstance(parsed, dict):
            raise ValueError("must be a JSON object")
        return parsed
    pairs = [part for part in LIST_SEPARATOR.split(text) if part.strip()]
    if not all("=" in pair for pair in pairs):
        raise ValueError("must be key=value pairs separated by ';' or a JSON object")
    return {key.strip(): value.strip() for key, _, value in (pair.partition("=") for pair in pairs)}


def _jsonl_rows(lines: Iterable[str]) -> Iterator[RawRow]:
    for line, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RawRow(line, {}, [FieldError(ROW, f"not valid JSON: {exc.msg}", "invalid_json")])
            continue
        if isinstance(parsed, dict):
            yield RawRow(line, parsed)
        else:
            yield RawRow(line, {}, [FieldError(ROW, "must be a JSON object", "invalid_json")])
