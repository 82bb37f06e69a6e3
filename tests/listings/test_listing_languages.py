"""A listing's title and description in further languages: given through the API and on the listing's page by its
supplier, refused field by field, shown to a viewer in the page's language with the original a click away."""

import re

from tests.support.actors import Cast
from tests.support.listings import create_listing, listing_in_status
from tests.support.pages import csrf_token, text_of
from tests.support.problems import assert_problem

CHINESE = {"title": "有机棉T恤 180克", "description": "精梳棉，活性染色。"}  # noqa: RUF001 (Chinese punctuation)
SPANISH = {"title": "Camisetas de algodón orgánico", "description": "Algodón peinado, 180 g/m²."}


async def test_a_supplier_gives_and_removes_translations_through_the_api(cast: Cast) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client, description="Combed cotton.", translations={"es": SPANISH})
    assert listing["language"] == "en" and listing["translations"] == {"es": SPANISH}

    added = await owner.client.put(f"/api/v1/listings/{listing['id']}/translations/zh-Hans", json=CHINESE)
    assert added.status_code == 200, added.text
    assert added.json()["translations"] == {"es": SPANISH, "zh-Hans": CHINESE}
    replaced = await owner.client.put(f"/api/v1/listings/{listing['id']}/translations/es",
                                      json={"title": "  Camisetas de algodón  "})
    assert replaced.json()["translations"]["es"] == {"title": "Camisetas de algodón", "description": ""}

    removed = await owner.client.delete(f"/api/v1/listings/{listing['id']}/translations/es")
    assert removed.status_code == 200 and removed.json()["translations"] == {"zh-Hans": CHINESE}
    again = await owner.client.delete(f"/api/v1/listings/{listing['id']}/translations/es")
    assert_problem(again, 404, "not_found")


async def test_a_listing_written_in_spanish_takes_an_english_translation(cast: Cast) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client, title=SPANISH["title"], language="es",
                                   translations={"en": {"title": "Organic cotton T-shirts"}})
    assert listing["language"] == "es" and listing["translations"]["en"]["title"] == "Organic cotton T-shirts"


async def test_bad_translations_are_refused_and_nothing_changes(cast: Cast) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client, translations={"es": SPANISH})
    url = f"/api/v1/listings/{listing['id']}"

    own_language = await owner.client.put(f"{url}/translations/en", json=CHINESE)
    assert_problem(own_language, 422, "validation_failed")
    assert own_language.json()["errors"][0]["field"] == "translations"
    unknown = await owner.client.put(f"{url}/translations/fr", json=SPANISH)
    assert_problem(unknown, 422, "validation_failed")
    short = await owner.client.put(f"{url}/translations/zh-Hans", json={"title": "T"})
    assert_problem(short, 422, "validation_failed")
    assert short.json()["errors"][0]["field"] == "title"
    patched = await owner.client.patch(url, json={"translations": {"de": SPANISH}})
    assert_problem(patched, 422, "validation_failed")
    into_itself = await owner.client.patch(url, json={"language": "es"})  # its Spanish would be into its own
    assert_problem(into_itself, 422, "validation_failed")

    stored = (await owner.client.get(url)).json()
    assert stored["language"] == "en" and stored["translations"] == {"es": SPANISH}


async def test_only_the_supplier_may_translate_its_listing(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published")
    url = f"/api/v1/listings/{listing['id']}/translations/es"
    assert (await cast.anonymous.put(url, json=SPANISH)).status_code == 401
    stranger = await cast.stranger()
    assert (await stranger.client.put(url, json=SPANISH)).status_code == 403
    member = await cast.member()
    assert (await member.client.put(url, json=SPANISH)).status_code == 200
    assert (await stranger.client.delete(url)).status_code == 403
    assert (await cast.anonymous.get(f"/api/v1/listings/{listing['id']}")).json()["translations"] == {"es": SPANISH}


async def test_the_page_shows_the_viewers_language_and_the_original_a_click_away(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published", description="Combed cotton, reactive dyed.",
                                      translations={"zh-Hans": CHINESE})
    client = cast.anonymous
    english = await client.get(f"/listings/{listing['id']}")
    assert "<h1>Cotton T-shirts</h1>" in english.text and CHINESE["title"] not in english.text

    client.cookies.set("tl_language", "zh_Hans")
    chinese = text_of(await client.get(f"/listings/{listing['id']}"))
    spanish_viewer = None
    client.cookies.set("tl_language", "es")
    spanish_viewer = text_of(await client.get(f"/listings/{listing['id']}"))
    client.cookies.delete("tl_language")

    assert f"<h1>{CHINESE['title']}</h1>" in chinese  # the page is in Chinese: no lang of its own
    assert f'<p class="prose">{CHINESE["description"]}</p>' in chinese
    assert '<p lang="en"><strong>Cotton T-shirts</strong></p>' in chinese  # the original, behind the fold
    assert '<h1 lang="en">Cotton T-shirts</h1>' in spanish_viewer  # no Spanish given: the original, marked English


async def test_the_supplier_adds_a_translation_on_the_listings_page(cast: Cast) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client)
    page_url = f"/listings/{listing['id']}"
    page = await owner.client.get(page_url)
    assert 'id="languages"' in page.text and '<option value="zh-Hans">简体中文</option>' in page.text
    assert '<option value="en">' not in page.text  # not into its own language
    token = csrf_token(page.text)

    refused = await owner.client.post(f"/my/listings/{listing['id']}/translations",
                                      data={"language": "es", "title": "C", "description": "Algodón",
                                            "csrf_token": token})
    assert refused.status_code == 422
    beside_title = re.search(r'id="t-title"[^>]*aria-invalid="true"[^>]*>\s*<p class="field-error" '
                             r'id="t-title-error">([^<]+)</p>', refused.text)
    assert beside_title, refused.text
    assert 'value="C"' in refused.text and ">Algodón</textarea>" in refused.text  # what was typed, kept
    assert (await owner.client.get(f"/api/v1/listings/{listing['id']}")).json()["translations"] == {}

    saved = await owner.client.post(f"/my/listings/{listing['id']}/translations",
                                    data={"language": "es", **SPANISH, "csrf_token": token})
    assert saved.status_code == 303 and saved.headers["location"] == f"{page_url}#languages"
    shown = await owner.client.get(page_url)
    assert f'<span lang="es">{SPANISH["title"]}</span>' in shown.text
    assert "(replaces the one given)" in shown.text

    removed = await owner.client.post(f"/my/listings/{listing['id']}/translations/es/delete",
                                      data={"csrf_token": token})
    assert removed.status_code == 303
    assert (await owner.client.get(f"/api/v1/listings/{listing['id']}")).json()["translations"] == {}


async def test_visitors_and_other_suppliers_get_no_translation_form(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published")
    stranger = await cast.stranger()
    for client in (cast.anonymous, stranger.client):
        assert 'id="languages"' not in (await client.get(f"/listings/{listing['id']}")).text
    page = await stranger.client.get(f"/listings/{listing['id']}")
    forged = await stranger.client.post(f"/my/listings/{listing['id']}/translations",
                                        data={"language": "es", **SPANISH, "csrf_token": csrf_token(page.text)})
    assert forged.status_code == 403
