"""Pages in the viewer's language (app.http.locale): English, Simplified Chinese or Spanish, from the browser's
Accept-Language unless the viewer chose one with the footer's switch (a cookie); numbers and dates written as the
language writes them; the shipped catalogs complete and their compiled .mo files up to date."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from app.core.config import PROJECT_ROOT
from app.http import locale
from app.http.locale import from_accept_language
from tests.conftest import BASE_URL
from tests.search_api.conftest import published_listing
from tests.support.pages import EN_DASH, PASSWORD, csrf_token, sign_up, submit_form, text_of

CATALOGS = Path(PROJECT_ROOT) / "translations"
LANGUAGES = ("zh_Hans", "es")
HTML_LANG = re.compile(r'<html lang="([^"]+)">')


def _key(text: str | tuple[str, ...] | list[str]) -> str | tuple[str, ...]:
    return text if isinstance(text, str) else tuple(text)


def _po(language: str) -> Any:
    with (CATALOGS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


async def test_the_browser_language_picks_the_catalog(client: httpx.AsyncClient) -> None:
    chinese = text_of(await client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}))
    assert HTML_LANG.search(chinese).group(1) == "zh-Hans"  # type: ignore[union-attr]
    assert "<h1>寻找供应商\uff0c发布采购需求。</h1>" in chinese
    assert '<a href="/rfqs">采购信息</a>' in chinese  # the browse bar
    assert '<option value="zh_Hans" lang="zh-Hans" selected>简体中文</option>' in chinese

    spanish = text_of(await client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"}))
    assert HTML_LANG.search(spanish).group(1) == "es"  # type: ignore[union-attr]
    assert "<h1>Encuentre proveedores. Publique solicitudes de compra.</h1>" in spanish

    english = text_of(await client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}))
    assert HTML_LANG.search(english).group(1) == "en"  # type: ignore[union-attr]
    assert "<h1>Find suppliers. Post buying requests.</h1>" in english


async def test_an_unknown_language_falls_back_to_english(client: httpx.AsyncClient) -> None:
    for header in ("fr-FR,fr;q=0.9", "de", "*", "", "zh;q=0", ";;,,q=x"):
        page = text_of(await client.get("/", headers={"Accept-Language": header}))
        assert '<html lang="en">' in page and "<h1>Find suppliers. Post buying requests.</h1>" in page, header


@pytest.mark.parametrize(("header", "expected"), [
    ("zh-CN,zh;q=0.9", "zh_Hans"), ("zh", "zh_Hans"), ("zh-Hans", "zh_Hans"), ("zh-SG", "zh_Hans"),
    ("zh_CN", "zh_Hans"), ("ZH-cn", "zh_Hans"), ("es", "es"), ("es-419", "es"), ("es-ES,en;q=0.5", "es"),
    ("en-US,zh;q=0.5", "en"), ("fr,es;q=0.8,zh;q=0.7", "es"), ("fr;q=1,zh;q=0.4,es;q=0.3", "zh_Hans"),
    ("en;q=0.1,es;q=0.9", "es"),  # the quality decides, not the order
    ("zh-TW,en;q=0.9", "en"),  # Traditional Chinese has no catalog: the next choice
    ("zh-TW,zh;q=0.8", "zh_Hans"), ("zh-Hant-HK", None), ("zh-Hans-HK", "zh_Hans"), ("es;q=0,en;q=0.1", "en"),
    ("fr", None), ("", None),
    (None, None),
])
def test_accept_language_honours_quality_values(header: str | None, expected: str | None) -> None:
    assert from_accept_language(header) == expected


async def test_the_switch_sets_the_language_and_it_wins_over_the_browser(client: httpx.AsyncClient) -> None:
    page = await client.get("/search?q=valve", headers={"Accept-Language": "zh-CN"})
    chosen = await client.post("/preferences/language", data={"language": "es", "next": "/search?q=valve",
                                                              "csrf_token": csrf_token(page.text)})
    assert chosen.status_code == 303 and chosen.headers["location"] == "/search?q=valve"
    assert client.cookies["tl_language"] == "es"

    again = text_of(await client.get("/search?q=valve", headers={"Accept-Language": "zh-CN,zh;q=0.9"}))
    assert '<html lang="es">' in again and '<button type="submit">Buscar</button>' in again

    back = await client.post("/preferences/language", data={"language": "", "next": "/",
                                                           "csrf_token": csrf_token(page.text)})
    assert back.status_code == 303 and "tl_language" not in client.cookies  # the browser's language again
    assert '<html lang="zh-Hans">' in (await client.get("/", headers={"Accept-Language": "zh-CN"})).text


async def test_the_switch_refuses_a_foreign_next_a_bad_language_and_a_missing_token(
        client: httpx.AsyncClient) -> None:
    token = csrf_token((await client.get("/")).text)
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example", "/" + "a" * 600):
        answer = await client.post("/preferences/language", data={"language": "zh_Hans", "next": target,
                                                                  "csrf_token": token})
        assert answer.status_code == 303 and answer.headers["location"] == "/", target
    await client.post("/preferences/language", data={"language": "klingon", "csrf_token": token})
    assert "tl_language" not in client.cookies
    refused = await client.post("/preferences/language", data={"language": "es", "next": "/"})
    assert refused.status_code == 403 and "tl_language" not in client.cookies
    client.cookies.set("tl_language", "xx")  # a cookie no switch set: ignored
    assert '<html lang="en">' in (await client.get("/")).text


async def test_numbers_dates_countries_and_units_follow_the_language(client: httpx.AsyncClient,
                                                                     make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Ningbo Knitwear Co")
    listing = await published_listing(supplier, admin, title="Merino wool sweater", hs_code="611011", moq="12500",
                                      price_min="1234.5", price_max="2000", currency="USD", lead_time_days=30,
                                      country_of_origin="CN")

    english = text_of(await client.get(f"/listings/{listing['id']}"))
    assert f"USD 1,234.5 {EN_DASH} 2,000" in english and "12,500 piece" in english and "<dd>China</dd>" in english
    assert "<dd>30 days</dd>" in english

    chinese = text_of(await client.get(f"/listings/{listing['id']}", headers={"Accept-Language": "zh-CN"}))
    assert f"USD 1,234.5 {EN_DASH} 2,000" in chinese and "12,500 件" in chinese and "<dd>中国</dd>" in chinese
    assert "<dt>最小起订量</dt>" in chinese and "<dd>30 天</dd>" in chinese

    spanish = text_of(await client.get(f"/listings/{listing['id']}", headers={"Accept-Language": "es"}))
    assert f"USD 1.234,5 {EN_DASH} 2.000" in spanish and "12.500 pieza" in spanish
    assert "<dt>Pedido mínimo</dt>" in spanish


def test_the_number_and_date_filters_by_locale() -> None:
    token = locale._LOCALE.set("es")
    try:
        assert locale.format_number(Decimal("12345.678")) == "12.345,678"
        assert locale.format_number(Decimal("0.0025")) == "0,0025"  # every digit, no rounding
        assert locale.format_day(date(2026, 12, 4)) == "4 dic 2026"
        locale._LOCALE.set("zh_Hans")
        assert locale.format_number(Decimal("12345.678")) == "12,345.678"
        assert locale.format_day(date(2026, 12, 4)) == "2026年12月4日"
        locale._LOCALE.set("en")
        assert locale.format_number(Decimal("1E+3")) == "1,000" and locale.format_number(None) == ""
        assert locale.format_day(date(2026, 12, 4)) == "2026-12-04"  # as English pages always said
    finally:
        locale._LOCALE.reset(token)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogs_are_complete(language: str) -> None:
    """Every message a page may show is translated, none fuzzy; run `make translations` and translate what it adds."""
    catalog = _po(language)
    untranslated = [message.id for message in catalog if message.id and not all(
        message.string if isinstance(message.string, tuple) else [message.string])]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])
    assert not [problem for message, problems in catalog.check() for problem in problems]  # placeholders match


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalog(language: str) -> None:
    """What the code and templates mark for translation (babel.cfg) is what the catalog holds."""
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "lazy_gettext": None, "_l": None,
                "AppError": None, "forbidden": None, "conflict": None}  # services' literal refusals (the Makefile's)
    method_map = [("app/**.py", "python"), ("membership/**.py", "python"), ("trust/**.py", "python"),
                  ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    marked = {message[2] if isinstance(message[2], str) else message[2][0]
              for message in extract_from_dir(str(PROJECT_ROOT), method_map, options, keywords)}
    held = {message.id if isinstance(message.id, str) else message.id[0] for message in _po(language) if message.id}
    assert (sorted(marked - held), sorted(held - marked)) == ([], [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogs_are_up_to_date(language: str) -> None:
    """The committed .mo (what the app loads) says what the .po says: run `make translations` after editing a .po."""
    with (CATALOGS / language / "LC_MESSAGES" / "messages.mo").open("rb") as mo:
        compiled = {_key(message.id): _key(message.string) for message in read_mo(mo) if message.id}
    written = {_key(message.id): _key(message.string) for message in _po(language) if message.id}
    assert compiled == written
    loaded = Translations.load(str(CATALOGS), [language])
    assert isinstance(loaded, Translations) and loaded.gettext("Buying leads") != "Buying leads"


async def test_a_signed_in_users_choice_follows_them_to_another_browser(app: Any, client: httpx.AsyncClient) -> None:
    assert (await sign_up(client, "buyer", email="lin@example.com")).status_code == 303
    page = await client.get("/account")
    await client.post("/preferences/language", data={"language": "zh_Hans", "next": "/account",
                                                     "csrf_token": csrf_token(page.text)})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as other_browser:
        login = await submit_form(other_browser, "/login", "/login",
                                  {"email": "lin@example.com", "password": PASSWORD})
        assert login.status_code == 303
        account = text_of(await other_browser.get("/account", headers={"Accept-Language": "es-ES"}))
        assert '<html lang="zh-Hans">' in account and "<h1>您的账户</h1>" in account
        assert '<span lang="zh-Hans">简体中文</span>' in account
        me = await other_browser.get("/api/v1/me")
        assert me.json()["user"]["language"] == "zh-Hans"

        logged_out = await submit_form(other_browser, "/account", "/logout", {})
        assert logged_out.status_code == 303  # signed out, this browser's cookie-less visitor asks for Spanish
        assert '<html lang="es">' in (await other_browser.get("/", headers={"Accept-Language": "es-ES"})).text


async def test_the_api_sets_and_clears_the_users_language(make_actor: Any) -> None:
    buyer = await make_actor("buyer")
    changed = await buyer.client.patch("/api/v1/me", json={"language": "es"})
    assert changed.status_code == 200 and changed.json()["user"]["language"] == "es"
    for wrong in ({"language": "klingon"}, {"language": "zh_Hans"}, {"language": "es", "name": "x"}, {}):
        refused = await buyer.client.patch("/api/v1/me", json=wrong)
        assert refused.status_code == 422, wrong
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await buyer.client.get("/api/v1/me")).json()["user"]["language"] == "es"  # the refusals kept it
    cleared = await buyer.client.patch("/api/v1/me", json={"language": None})
    assert cleared.status_code == 200 and cleared.json()["user"]["language"] is None


async def test_the_member_pages_read_in_chinese_and_spanish(client: httpx.AsyncClient) -> None:
    assert (await sign_up(client, "both", email="mei@example.com")).status_code == 303
    headings = {"/login": ("登录", "Iniciar sesión"), "/my/listings": ("我的商品", "Mis anuncios"),
                "/my/rfqs": ("我的采购需求", "Mis solicitudes de cotización"),
                "/leads": ("为您匹配的采购商机", "Oportunidades de compra para ti"),
                "/notifications": ("通知", "Notificaciones"), "/my/quotes": ("已发报价", "Cotizaciones enviadas"),
                "/inquiries": ("询盘", "Consultas"), "/verifications": ("认证", "Verificaciones"),
                "/account/tokens": ("API 令牌", "Tokens de la API"),
                "/account/password": ("修改密码", "Cambiar tu contraseña"),
                "/saved-searches": ("已保存的搜索", "Búsquedas guardadas"), "/webhooks": ("Webhooks", "Webhooks"),
                "/hs": ("查找 HS 编码", "Buscar un código SA")}
    for language, index in (("zh_Hans", 0), ("es", 1)):
        client.cookies.set("tl_language", language)
        for path, names in headings.items():
            page = text_of(await client.get(path))
            assert re.search(rf"<h1>{re.escape(names[index])}[ <]", page), (language, path)


async def test_the_plans_and_my_plan_read_in_chinese_with_the_policys_own_words(client: httpx.AsyncClient) -> None:
    """The limits' names come from the membership policy (marked there) and are translated where shown."""
    assert (await sign_up(client, "both", email="lin@example.com")).status_code == 303
    client.cookies.set("tl_language", "zh_Hans")
    plans = text_of(await client.get("/plans"))
    mine = text_of(await client.get("/billing"))
    client.cookies.delete("tl_language")

    assert "每日采购需求" in plans and "所有套餐均为 " in plans and "不限" in plans
    assert "<h1>我的套餐：" in mine and "用量" in mine and "暂无发票。" in mine  # noqa: RUF001 (Chinese colon)
