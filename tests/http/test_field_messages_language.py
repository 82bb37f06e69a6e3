"""A refused form says what is wrong with each field in the page's language; English pages keep pydantic's words,
and the API's problem+json stays English whatever the page language."""

import html
import re
from typing import Any

from tests.support.pages import csrf_token


def _beside(page: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="e-{field}">([^<]+)</p>', page)
    assert found, f"no message beside {field}"
    return html.unescape(found.group(1))


async def test_a_refused_listing_form_says_why_in_chinese_spanish_and_english(make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    said = {}
    for language in ("zh_Hans", "es", "en"):
        supplier.client.cookies.set("tl_language", language)
        form = await supplier.client.get("/my/listings")
        refused = await supplier.client.post("/my/listings", data={
            "title": "T", "moq": "lots", "moq_unit": "piece", "currency": "ZZZ", "csrf_token": csrf_token(form.text)})
        assert refused.status_code == 422
        said[language] = {field: _beside(refused.text, field) for field in ("title", "moq", "currency")}
    supplier.client.cookies.delete("tl_language")

    assert said["zh_Hans"] == {"title": "请至少输入 3 个字符。", "moq": "请输入数字。",
                               "currency": "须为 ISO 4217 货币代码，例如 USD 或 EUR"}  # noqa: RUF001
    assert said["es"] == {"title": "Usa al menos 3 caracteres.", "moq": "Escribe un número.",
                          "currency": "debe ser un código de moneda ISO 4217, como USD o EUR"}
    assert said["en"]["title"] == "String should have at least 3 characters"
    assert said["en"]["currency"] == "must be an ISO 4217 currency code, such as USD or EUR"
    listings = (await supplier.client.get("/api/v1/listings", params={"organization": supplier.organization_slug}))
    assert listings.json()["total"] == 0  # nothing stored


async def test_the_api_answers_in_english_whatever_the_page_language(make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    supplier.client.cookies.set("tl_language", "zh_Hans")
    refused = await supplier.client.post("/api/v1/listings", json={"title": "T", "moq": "1", "moq_unit": "piece"})
    supplier.client.cookies.delete("tl_language")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["message"] == "String should have at least 3 characters"
