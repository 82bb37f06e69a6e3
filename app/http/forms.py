"""Form handling shared by the pages: the filled-in fields, validation, showing a refused form again, choices."""

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import pycountry
from fastapi import Path
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.core.errors import AppError
from app.core.schemas import as_validation_failed
from app.models.enums import Incoterm, OrganizationRole, Unit

M = TypeVar("M", bound=BaseModel)
# Ids in page URLs stay within the database's integer range: larger ones are a 422, never a crash.
ObjectId = Annotated[int, Path(ge=1, le=2_147_483_647)]


def filled(form: FormData, fields: Iterable[str]) -> dict[str, str]:
    """The named fields the user filled in; blank ones are left out, so optional fields stay unset."""
    values = {}
    for name in fields:
        value = form.get(name)
        if isinstance(value, str) and value.strip():
            values[name] = value
    return values


def parse(model: type[M], values: dict[str, str]) -> M:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


async def refused(session: AsyncSession, error: AppError, values: dict[str, str]) -> dict[str, Any]:
    """Context that shows a form again with the user's values and one message per field.

    Rolls back first: nothing a refused form's attempt may have flushed is stored."""
    await session.rollback()
    messages: dict[str, str] = {}
    for field_error in error.errors:
        messages.setdefault(field_error.field, field_error.message)
    return {"values": values, "error": error, "field_errors": messages}


def _options(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ")) for member in enum]


def _countries() -> list[tuple[str, str]]:
    names = {country.alpha_2: getattr(country, "common_name", None) or country.name for country in pycountry.countries}
    return sorted(names.items(), key=lambda item: item[1])


CHOICES: dict[str, list[tuple[str, str]]] = {
    "units": _options(Unit),
    "incoterms": _options(Incoterm),
    "roles": _options(OrganizationRole),
    "countries": _countries(),
}
