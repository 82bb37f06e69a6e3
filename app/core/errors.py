"""Domain errors: one base with a stable code and an HTTP status, rendered by one handler per surface."""

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from app.core.i18n import N_


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    code: str = "invalid"
    context: dict[str, str] = dataclasses.field(default_factory=dict, compare=False)
    """The limits the message names (`min_length`: "3"), for pages that say it in another language."""

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message, "code": self.code}


@dataclass
class AppError(Exception):
    """Base of every expected failure. `code` is stable and machine-readable."""

    detail: str
    code: str = "error"
    status: int = 400
    title: str = "Bad request"
    errors: list[FieldError] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"

    def problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"urn:tradeleads:error:{self.code}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "code": self.code,
        }
        if instance:
            body["instance"] = instance
        if self.errors:
            body["errors"] = [error.as_dict() for error in self.errors]
        body.update(self.extra)
        return body


def validation_failed(errors: list[FieldError], detail: str = N_("Some fields are not valid")) -> AppError:
    return AppError(detail, code="validation_failed", status=422, title="Validation failed", errors=errors)


def not_found(what: str) -> AppError:
    return AppError(f"{what} not found", code="not_found", status=404, title="Not found")


def not_authenticated() -> AppError:
    return AppError("Log in or send a valid API token", code="not_authenticated", status=401,
                    title="Not authenticated")


def forbidden(detail: str, code: str = "forbidden") -> AppError:
    return AppError(detail, code=code, status=403, title="Forbidden")


def conflict(detail: str, code: str = "conflict") -> AppError:
    return AppError(detail, code=code, status=409, title="Conflict")


def too_many_requests(detail: str, retry_after: int) -> AppError:
    return AppError(detail, code="too_many_requests", status=429, title="Too many requests",
                    extra={"retry_after": retry_after})
