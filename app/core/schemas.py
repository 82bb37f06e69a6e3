"""Shared API shapes: a page of results, decimals as plain strings, and pydantic errors as field errors."""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, Field, PlainSerializer, ValidationError
from pydantic_core import PydanticCustomError

from app.core.errors import AppError, FieldError, validation_failed
from app.core.repository import Page

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
LOCATION_KINDS = frozenset({"body", "query", "path", "form", "header", "cookie"})


def plain_decimal(value: Decimal) -> str:
    """12.5000 -> "12.5", 100.0000 -> "100": the same text whether the value came from the client or the database."""
    return format(value.normalize(), "f")


# Every decimal of every output schema: a JSON string without trailing zeros or exponent.
DecimalOut = Annotated[Decimal, PlainSerializer(plain_decimal, return_type=str, when_used="json")]
# A quantity or a unit price as every domain takes it: positive, at most 18 digits of which 4 decimals.
Quantity = Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=4)]
Price = Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=4)]


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    pages: int


def page_out(page: Page[Any], items: list[T]) -> PageOut[T]:
    return PageOut[T](items=items, total=page.total, page=page.page, per_page=page.per_page, pages=page.pages)


def _field_name(error: Mapping[str, Any]) -> str:
    """The field an error is about: its location without the request part (body, query, ...), or for a
    model-level check (no location) the field it names in its context."""
    parts = [str(part) for part in error.get("loc", ())]
    if parts and parts[0] in LOCATION_KINDS:
        parts = parts[1:]
    if not parts and "field" in (error.get("ctx") or {}):
        parts = [str(error["ctx"]["field"])]
    return ".".join(parts) or "body"


def field_errors(details: Iterable[Mapping[str, Any]]) -> list[FieldError]:
    return [
        FieldError(_field_name(error), str(error.get("msg", "invalid value")).removeprefix("Value error, "),
                   str(error.get("type", "invalid")),
                   {str(name): str(value) for name, value in (error.get("ctx") or {}).items()
                    if isinstance(value, str | int | float | Decimal)})
        for error in details
    ]


def as_validation_failed(exc: ValidationError) -> AppError:
    return validation_failed(field_errors(exc.errors()))


def merged_update(model: type[M], stored: object, update: BaseModel) -> M:
    """A partial update laid over a stored object and validated as a whole `model`; 422 with field errors."""
    current: dict[str, Any] = {field: getattr(stored, field) for field in model.model_fields}
    current.update(update.model_dump(exclude_unset=True))
    try:
        return model.model_validate(current)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


def refuse_nulls(update: BaseModel, fields: Iterable[str]) -> None:
    """For a model validator of a partial update: these fields may be left out, but not sent as null."""
    for field in fields:
        if field in update.model_fields_set and getattr(update, field) is None:
            raise PydanticCustomError("null_not_allowed", "{field} may not be null", {"field": field})


def require_note_for_other(is_other: bool, note: str) -> None:
    """A reason picked from a list ends with "other": then the note must say what (a field error on `note`)."""
    if is_other and not note.strip():
        raise PydanticCustomError("note_required", "say why, when the reason is \"other\"", {"field": "note"})
