"""Shared API shapes: a page of results, and turning pydantic errors raised inside services into 422s."""

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from app.core.errors import AppError, FieldError, validation_failed
from app.core.repository import Page

T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    pages: int


def page_out(page: Page[Any], items: list[T]) -> PageOut[T]:
    return PageOut[T](items=items, total=page.total, page=page.page, per_page=page.per_page, pages=page.pages)


def as_validation_failed(exc: ValidationError) -> AppError:
    errors = []
    for error in exc.errors():
        location = ".".join(str(part) for part in error.get("loc", ())) or "body"
        errors.append(FieldError(location, str(error["msg"]).removeprefix("Value error, "), str(error["type"])))
    return validation_failed(errors)
