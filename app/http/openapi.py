"""The OpenAPI document as the API really behaves, so that generated clients and fuzzers see the contract:
how callers authenticate (a personal access token as a bearer token, or the login session's cookie), which
operations need it, and that every refusal is problem+json (RFC 9457) with a stable `code`."""

from collections.abc import Callable, Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app.http.session_cookie import SESSION_COOKIE

PROBLEM_JSON = "application/problem+json"
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An RFC 9457 problem: `code` is stable and machine-readable; `errors` lists field problems",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "code": {"type": "string"}, "instance": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "required": ["field", "message", "code"],
                                              "properties": {"field": {"type": "string"},
                                                             "message": {"type": "string"},
                                                             "code": {"type": "string"}}}},
    },
    "additionalProperties": True,
}
SECURITY_SCHEMES = {
    "bearerToken": {"type": "http", "scheme": "bearer",
                    "description": "A personal access token (POST /api/v1/me/tokens), sent as `Authorization: "
                                   "Bearer tl_...`"},
    "sessionCookie": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE,
                      "description": "The login session of the web pages (POST /api/v1/auth/login sets it)"},
}
SIGNED_IN: list[dict[str, list[str]]] = [{"bearerToken": []}, {"sessionCookie": []}]
EITHER: list[dict[str, list[str]]] = [*SIGNED_IN, {}]  # anonymous callers too; a signed-in caller may see more
REFUSALS = {
    "401": "Not signed in", "403": "Signed in, but not allowed", "404": "No such object (or not yours to see)",
    "413": "Request body too large", "422": "The request is not valid: `errors` names each field",
    "429": "A limit was reached: `Retry-After` says when to try again",
}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _needs(route: APIRoute) -> set[str]:
    return {getattr(dependency.call, "__name__", "") for dependency in route.dependant.dependencies}


def _security(route: APIRoute) -> list[dict[str, list[str]]] | None:
    needs = _needs(route)
    if needs & {"required_viewer", "admin_viewer", "signed_in_user"}:
        return SIGNED_IN
    if "optional_viewer" in needs:
        return EITHER
    return None


def _document(operation: dict[str, Any], route: APIRoute) -> None:
    responses = operation.setdefault("responses", {})
    for status, description in REFUSALS.items():
        responses[status] = _problem(description)
    responses["4XX"] = _problem("Any other refusal (a 409 conflict, a 402 plan limit, a 405 with Allow, ...)")
    security = _security(route)
    if security is not None:
        operation["security"] = security


def _routes(app: FastAPI) -> Iterable[APIRoute]:
    for mount in getattr(app.state, "api_routers", []):
        yield from (route for route in mount.routes if isinstance(route, APIRoute) and route.include_in_schema)


def install_openapi(app: FastAPI, api_routers: list[Any]) -> None:
    """Replaces app.openapi with one that adds the security schemes, the Problem schema and, on every operation,
    the refusals it can answer with (problem+json) and who may call it."""
    app.state.api_routers = api_routers

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = get_openapi(title=app.title, version=app.version, routes=app.routes,
                               description=app.description)
        components = document.setdefault("components", {})
        components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        components["securitySchemes"] = SECURITY_SCHEMES
        for route in _routes(app):
            for method in route.methods or ():
                operation = document.get("paths", {}).get(route.path_format, {}).get(method.lower())
                if operation is not None:
                    _document(operation, route)
        app.openapi_schema = document
        return document

    openapi_method: Callable[[], dict[str, Any]] = openapi
    app.openapi = openapi_method  # type: ignore[method-assign]
