"""The forms' choices read in the viewer's language: countries named and sorted as the language writes them, units
translated; the values sent stay the codes."""

import re
from typing import Any

import httpx


def _options(page: str, name: str) -> list[tuple[str, str]]:
    select = re.search(rf'<select id="f-{name}" name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no select {name}"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


async def test_countries_on_the_sign_up_form_are_named_and_sorted_in_the_viewers_language(
        client: httpx.AsyncClient) -> None:
    english = dict(_options((await client.get("/register")).text, "country"))
    client.cookies.set("tl_language", "es")
    spanish_options = _options((await client.get("/register")).text, "country")
    client.cookies.set("tl_language", "zh_Hans")
    chinese = dict(_options((await client.get("/register")).text, "country"))
    client.cookies.delete("tl_language")

    assert english["DE"] == "Germany" and english["CN"] == "China"
    assert chinese["DE"] == "德国" and chinese["CN"] == "中国"
    spanish = dict(spanish_options)
    assert spanish["DE"] == "Alemania" and spanish["US"] == "Estados Unidos"
    named = [name for code, name in spanish_options if code]
    assert named == sorted(named, key=str.casefold)  # by the Spanish names, not the English ones
    assert named.index("Alemania") < named.index("Estados Unidos") < named.index("Japón")


async def test_units_on_the_new_listing_form_are_translated(make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    supplier.client.cookies.set("tl_language", "zh_Hans")
    page = (await supplier.client.get("/my/listings")).text
    supplier.client.cookies.delete("tl_language")
    units = dict(_options(page, "moq_unit"))
    assert units["metric_ton"] == "公吨" and units["piece"] != "piece"
    languages = dict(_options(page, "language"))
    assert languages == {"en": "English", "zh-Hans": "简体中文", "es": "Español"}
