"""Checks of problem+json error responses."""

from typing import Any

import httpx

TITLES = {401: "Not authenticated", 402: "Payment required", 403: "Forbidden", 404: "Not found", 409: "Conflict",
          413: "Payload too large", 422: "Validation failed", 429: "Too many requests"}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status and stable code; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:tradeleads:error:{code}"
    assert body["title"] == TITLES[status]
    assert body["status"] == status
    assert body["code"] == code
    assert body["instance"] == response.request.url.path
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def error_codes(problem: dict[str, Any]) -> dict[str, str]:
    """field -> code of a validation_failed problem's errors; each error also carries a message."""
    assert problem["detail"] == "Some fields are not valid"
    assert all(error["message"] for error in problem["errors"])
    return {error["field"]: error["code"] for error in problem["errors"]}


def assert_invalid(response: httpx.Response, **expected_codes: str) -> dict[str, Any]:
    """A 422 validation_failed whose errors are exactly these fields, each with its pydantic/domain code."""
    body = assert_problem(response, 422, "validation_failed")
    assert error_codes(body) == expected_codes
    return body
