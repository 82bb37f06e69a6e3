"""One handler per surface turns errors into problem+json (API) or a rendered error page (pages)."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import AppError, FieldError, validation_failed
from app.core.schemas import field_errors

logger = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


MACHINE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})  # read by programs: refusals as problem+json too


def is_api_request(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in MACHINE_PATHS


def problem_response(error: AppError, request: Request) -> JSONResponse:
    headers = {}
    if "retry_after" in error.extra:
        headers["Retry-After"] = str(error.extra["retry_after"])
    body = error.problem(request.url.path)
    request_id = getattr(request.state, "request_id", None)
    if request_id is not None:
        body["request_id"] = request_id  # the access log's line for this request has it too
    return JSONResponse(body, status_code=error.status, media_type=PROBLEM_JSON, headers=headers)


def field_errors_from(exc: RequestValidationError) -> list[FieldError]:
    return field_errors(exc.errors())


def _http_error(exc: StarletteHTTPException) -> AppError:
    codes = {404: "not_found", 405: "method_not_allowed", 401: "not_authenticated", 403: "forbidden"}
    return AppError(str(exc.detail), code=codes.get(exc.status_code, "http_error"), status=exc.status_code,
                    title=str(exc.detail))


def install_error_handlers(app: FastAPI, render_page_error: Any) -> None:
    """`render_page_error(request, error) -> Response` renders errors for the HTML pages."""

    def respond(request: Request, error: AppError) -> Response:
        if is_api_request(request):
            return problem_response(error, request)
        response: Response = render_page_error(request, error)
        return response

    @app.exception_handler(AppError)
    async def on_app_error(request: Request, exc: AppError) -> Response:
        return respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, validation_failed(field_errors_from(exc)))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = respond(request, _http_error(exc))
        response.headers.update(exc.headers or {})  # a 405 says which methods are allowed (Allow)
        return response

    @app.exception_handler(IntegrityError)
    async def on_integrity_error(request: Request, exc: IntegrityError) -> Response:
        logger.info("integrity conflict on %s: %s", request.url.path, exc.orig)
        return respond(request, AppError("The change conflicts with the current data; reload and retry",
                                         code="conflicting_change", status=409, title="Conflict"))

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unhandled error on %s", request.url.path)
        return respond(request, AppError("Something went wrong on our side", code="internal_error", status=500,
                                         title="Internal server error"))
