"""Form handling shared by the pages: the filled-in fields, validation, showing a refused form again, choices."""

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, TypeVar, get_origin

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.core.errors import AppError
from app.core.schemas import as_validation_failed
from app.http import locale
from app.http.ids import ObjectId
from app.models.enums import Incoterm, OrganizationRole, Unit

M = TypeVar("M", bound=BaseModel)
__all__ = ["CHOICES", "ObjectId", "filled", "listed", "parse", "refused"]


LIST_SEPARATOR = ","
ITEM_SUFFIX = re.compile(r"(\.\d+)+$")


def filled(form: FormData, fields: Iterable[str]) -> dict[str, str]:
    """The named fields the user filled in; blank ones are left out, so optional fields stay unset.

    A field sent more than once (ticked checkboxes) is joined into one comma-separated value, as a list is typed."""
    values = {}
    for name in fields:
        entries = [value for value in form.getlist(name) if isinstance(value, str) and value.strip()]
        if entries:
            values[name] = f"{LIST_SEPARATOR} ".join(entries)
    return values


def listed(value: str) -> list[str]:
    """A comma-separated form value as the list it stands for: "ISO 9001, CE" -> ["ISO 9001", "CE"]."""
    return [entry.strip() for entry in value.split(LIST_SEPARATOR) if entry.strip()]


def parse(model: type[M], values: dict[str, str]) -> M:
    """The model from form values; a list field is typed as comma-separated text (or sent as ticked checkboxes)."""
    fields = model.model_fields
    data: dict[str, Any] = {
        name: listed(value) if name in fields and get_origin(fields[name].annotation) is list else value
        for name, value in values.items()
    }
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


def _form_field(name: str) -> str:
    """An error about one entry of a list ("required_certifications.2") belongs to the list's one form field."""
    return ITEM_SUFFIX.sub("", name)


async def refused(session: AsyncSession, error: AppError, values: dict[str, str]) -> dict[str, Any]:
    """Context that shows a form again with the user's values and one message per field.

    Rolls back first: nothing a refused form's attempt may have flushed is stored."""
    await session.rollback()
    messages: dict[str, str] = {}
    for field_error in error.errors:
        said = locale.lazy_field_message(field_error.code, field_error.message, field_error.context)
        messages.setdefault(_form_field(field_error.field), said)
    return {"values": values, "error": error, "field_errors": messages}


def _options(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ")) for member in enum]


CHOICES: dict[str, list[tuple[str, str]]] = {
    "units": _options(Unit),
    "incoterms": _options(Incoterm),
    "roles": _options(OrganizationRole),
}
