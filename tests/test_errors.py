"""Bad requests never crash: the API answers problem+json, the pages a readable HTML page."""

import httpx


async def test_malformed_json_body_is_a_422_problem(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/register", content=b"{not json",
                                 headers={"content-type": "application/json"})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "validation_failed"


async def test_unknown_api_path_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:tradeleads:error:not_found",
        "title": "Not Found",
        "status": 404,
        "detail": "Not Found",
        "code": "not_found",
        "instance": "/api/v1/no-such-thing",
        "request_id": response.headers["x-request-id"],
    }


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/listings")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


async def test_non_numeric_id_is_a_422_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/listings/abc")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "listing_id"


async def test_unknown_page_is_a_readable_html_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-page")

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not Found" in response.text
