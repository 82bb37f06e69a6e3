"""An organisation's logo: uploaded by its members through the API and the company page, checked by content,
shown on the storefront, replaced and removed with its file."""

import io
import os

import httpx
from PIL import Image
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import Organization
from tests.accounts.test_account_pages import message_beside
from tests.conftest import ActorFactory
from tests.support.images import picture
from tests.support.pages import csrf_token, sign_up, text_of
from tests.support.problems import assert_invalid, assert_problem


def _logo(data: bytes, name: str = "logo.png", content_type: str = "image/png") -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, data, content_type)}


def _stored_files(settings: Settings, organization_id: int) -> list[str]:
    folder = (settings.files_dir or settings.var_dir / "files") / "organizations" / str(organization_id)
    return sorted(path.name for path in folder.glob("logo-*")) if folder.exists() else []


async def test_a_member_uploads_a_logo_shown_on_the_storefront_within_256_pixels(
        make_actor: ActorFactory, client: httpx.AsyncClient, settings: Settings) -> None:
    supplier = await make_actor("supplier")
    path = f"/api/v1/organizations/{supplier.organization_slug}/logo"

    response = await supplier.client.put(path, files=_logo(picture("JPEG", (1200, 600)), "logo.jpg", "image/jpeg"))

    assert response.status_code == 200, response.text
    url = response.json()["logo_url"]
    assert url.startswith(f"/files/organizations/{supplier.organization_slug}/logo?v=")
    served = await client.get(url)  # anyone, not logged in
    assert served.headers["content-type"] == "image/webp"
    assert "immutable" in served.headers["cache-control"]
    assert Image.open(io.BytesIO(served.content)).size == (256, 128)
    store = await client.get(f"/api/v1/suppliers/{supplier.organization_slug}")
    assert store.json()["logo_url"] == url
    assert f'src="{url}"' in (await client.get(f"/suppliers/{supplier.organization_slug}")).text


async def test_a_new_logo_replaces_the_old_file_and_removing_it_deletes_the_file(
        make_actor: ActorFactory, client: httpx.AsyncClient, settings: Settings) -> None:
    supplier = await make_actor("supplier")
    path = f"/api/v1/organizations/{supplier.organization_slug}/logo"
    first = (await supplier.client.put(path, files=_logo(picture()))).json()["logo_url"]
    second = (await supplier.client.put(path, files=_logo(picture(colour="#b42318")))).json()["logo_url"]

    assert first != second and len(_stored_files(settings, supplier.organization_id)) == 1
    removed = await supplier.client.delete(path)

    assert removed.json() == {"logo_url": None}
    assert _stored_files(settings, supplier.organization_id) == []
    assert (await client.get(second)).status_code == 404


async def test_a_file_that_is_not_an_image_is_refused_and_the_logo_stays(make_actor: ActorFactory,
                                                                         settings: Settings) -> None:
    supplier = await make_actor("supplier")
    path = f"/api/v1/organizations/{supplier.organization_slug}/logo"
    kept = (await supplier.client.put(path, files=_logo(picture()))).json()["logo_url"]

    for data, code in ((b"<?php system($_GET['c']); ?>", "image_unreadable"), (picture("GIF"), "image_type")):
        refused = assert_problem(await supplier.client.put(path, files=_logo(data)), 422, "validation_failed")
        assert [(error["field"], error["code"]) for error in refused["errors"]] == [("logo", code)]
    assert_invalid(await supplier.client.put(path), logo="missing")
    assert (await supplier.client.get(f"/api/v1/suppliers/{supplier.organization_slug}")).json()["logo_url"] == kept
    assert len(_stored_files(settings, supplier.organization_id)) == 1


async def test_only_members_change_an_organisations_logo(make_actor: ActorFactory, client: httpx.AsyncClient) -> None:
    supplier, other = await make_actor("supplier"), await make_actor("buyer")
    path = f"/api/v1/organizations/{supplier.organization_slug}/logo"

    assert_problem(await other.client.put(path, files=_logo(picture())), 403, "not_a_member")
    assert_problem(await other.client.delete(path), 403, "not_a_member")
    assert_problem(await client.put(path, files=_logo(picture())), 401, "not_authenticated")


async def test_the_company_page_uploads_and_removes_the_logo(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    page = await client.get("/account/company")
    assert "Upload a logo" in page.text

    bad = await client.post("/account/company/logo", data={"csrf_token": csrf_token(page.text)},
                            files={"logo": ("logo.png", b"not an image", "image/png")})
    assert bad.status_code == 422 and "not an image" in message_beside(text_of(bad), "logo")
    saved = await client.post("/account/company/logo", data={"csrf_token": csrf_token(page.text)},
                              files={"logo": ("logo.png", picture(), "image/png")})

    assert saved.headers["location"] == "/account/company?done=logo"
    shown = await client.get(saved.headers["location"])
    assert "Logo saved." in shown.text and 'class="org-logo large" src="/files/organizations/' in shown.text
    removed = await client.post("/account/company/logo/delete", data={"csrf_token": csrf_token(shown.text)})
    assert removed.headers["location"] == "/account/company?done=logo-removed"
    db.expire_all()
    organization = await db.scalar(select(Organization))
    assert organization is not None and organization.logo_key is None


async def test_a_logo_has_the_image_upload_limit_not_the_json_one(make_actor: ActorFactory,
                                                                   settings: Settings) -> None:
    supplier = await make_actor("supplier")
    path = f"/api/v1/organizations/{supplier.organization_slug}/logo"
    out = io.BytesIO()
    Image.frombytes("RGB", (900, 800), os.urandom(900 * 800 * 3)).save(out, "PNG")  # noise: ~2 MB
    assert out.tell() > settings.request_body_max_bytes

    assert (await supplier.client.put(path, files=_logo(out.getvalue()))).status_code == 200
    too_big = await supplier.client.put(path, files=_logo(b"x" * (settings.image_upload_max_bytes + 1)))
    assert too_big.status_code == 413 and too_big.json()["code"] == "body_too_large"
