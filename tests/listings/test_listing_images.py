"""A listing's images: members of its supplier upload JPEG, PNG or WebP (checked by content, whatever the name says)
and remove them; what is stored is a re-encoded display copy and thumbnail; who may see the listing may see them."""

import io
import re
from typing import Any

import httpx
from fastapi import FastAPI
from PIL import Image

from app.listings.images import MAX_IMAGES
from tests.conftest import Actor
from tests.support.images import picture, upload
from tests.support.pages import csrf_token, sign_up, submit_form
from tests.support.problems import assert_problem


async def _listing(actor: Actor, **fields: Any) -> int:
    created = await actor.client.post("/api/v1/listings", json={"title": "Brass ball valve DN25", "moq": "100",
                                                                "moq_unit": "piece", **fields})
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def _publish(actor: Actor, admin: Actor, listing_id: int) -> None:
    assert (await actor.client.post(f"/api/v1/listings/{listing_id}/submit")).status_code == 200
    assert (await admin.client.post(f"/api/v1/listings/{listing_id}/publish")).status_code == 200


def _dimensions(data: bytes) -> tuple[str | None, tuple[int, int]]:
    image = Image.open(io.BytesIO(data))
    return image.format, image.size


async def test_an_upload_becomes_a_display_copy_and_a_thumbnail(client: httpx.AsyncClient,
                                                                 make_actor: Any) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("both", admin=True)
    listing_id = await _listing(supplier)
    uploaded = await supplier.client.post(f"/api/v1/listings/{listing_id}/images", files=upload(picture("JPEG")),
                                          data={"alt_text": "Valve, side view"})
    assert uploaded.status_code == 201, uploaded.text
    image = uploaded.json()
    assert (image["width"], image["height"], image["alt_text"]) == (1200, 900, "Valve, side view")

    thumbnail = await supplier.client.get(image["thumbnail_url"])
    assert thumbnail.headers["content-type"] == "image/webp"
    assert _dimensions(thumbnail.content) == ("WEBP", (480, 360))
    assert _dimensions((await supplier.client.get(image["url"])).content) == ("WEBP", (1200, 900))
    assert thumbnail.headers["cache-control"] == "private, no-store"  # a draft: only its supplier sees it

    assert (await client.get(image["url"])).status_code == 404  # nobody else sees a draft's images
    assert (await client.get(f"/api/v1/listings/{listing_id}/images")).status_code == 404
    await _publish(supplier, admin, listing_id)
    public = await client.get(image["thumbnail_url"])
    assert public.status_code == 200 and "immutable" in public.headers["cache-control"]
    listed = (await client.get(f"/api/v1/listings/{listing_id}/images")).json()
    assert [item["id"] for item in listed] == [image["id"]]


async def test_files_are_judged_by_content_not_by_name(app: FastAPI, make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    listing_id = await _listing(supplier)
    address = f"/api/v1/listings/{listing_id}/images"
    text = await supplier.client.post(address, files=upload(b"<?php system($_GET['x']); ?>"))
    assert assert_problem(text, 422, "validation_failed")["errors"][0]["code"] == "image_unreadable"
    gif = await supplier.client.post(address, files=upload(picture("GIF"), "photo.png", "image/png"))
    assert gif.json()["errors"] == [{"field": "file", "code": "image_type",
                                     "message": "GIF images are not accepted: send JPEG, PNG or WebP"}]
    webp_named_jpg = await supplier.client.post(address, files=upload(picture("WEBP"), "photo.jpg", "image/jpeg"))
    assert webp_named_jpg.status_code == 201
    assert len((await supplier.client.get(address)).json()) == 1
    folder = app.state.settings.files_path / "listings" / str(listing_id)
    assert len(list(folder.iterdir())) == 2  # the one accepted image's two files: nothing of the refused ones


async def test_limits_on_size_and_number(app: FastAPI, make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    listing_id = await _listing(supplier)
    address = f"/api/v1/listings/{listing_id}/images"
    too_big = await supplier.client.post(address, files=upload(b"\xff" * (app.state.settings.image_upload_max_bytes
                                                                            + 1)))
    assert too_big.status_code == 413 and too_big.json()["code"] == "body_too_large"
    for number in range(MAX_IMAGES):
        added = await supplier.client.post(address, files=upload(picture(size=(64, 48), colour=f"#0000{number:02x}")))
        assert added.status_code == 201, added.text
    assert_problem(await supplier.client.post(address, files=upload(picture())), 409, "too_many_images")
    assert len((await supplier.client.get(address)).json()) == MAX_IMAGES


async def test_only_the_suppliers_members_change_images(app: FastAPI, client: httpx.AsyncClient,
                                                        make_actor: Any) -> None:
    supplier, other = await make_actor("supplier"), await make_actor("supplier")
    admin = await make_actor("both", admin=True)
    listing_id = await _listing(supplier)
    image = (await supplier.client.post(f"/api/v1/listings/{listing_id}/images", files=upload(picture()))).json()
    address = f"/api/v1/listings/{listing_id}/images/{image['id']}"
    assert (await other.client.post(f"/api/v1/listings/{listing_id}/images", files=upload(picture()))).status_code \
        == 404  # a draft of another supplier does not exist for them
    await _publish(supplier, admin, listing_id)
    assert_problem(await other.client.delete(address), 403, "not_a_member")
    assert (await client.delete(address)).status_code == 401

    key = f"listings/{listing_id}/"
    assert (await supplier.client.delete(address)).status_code == 204
    assert (await client.get(image["url"])).status_code == 404
    assert not list((app.state.settings.files_path / key).iterdir())  # both files went with the row
    assert (await supplier.client.post(f"/api/v1/listings/{listing_id}/archive")).status_code == 200
    archived = await supplier.client.post(f"/api/v1/listings/{listing_id}/images", files=upload(picture()))
    assert_problem(archived, 409, "listing_not_editable")


async def test_supplier_adds_an_image_from_the_listing_page(client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")
    created = await submit_form(client, "/my/listings", "/my/listings",
                                {"title": "Brass ball valve DN25", "moq": "100", "moq_unit": "piece"})
    assert created.status_code == 303
    listing_id = int(re.findall(r'href="/listings/(\d+)"', (await client.get("/my/listings")).text)[0])
    page = await client.get(f"/listings/{listing_id}")
    assert 'enctype="multipart/form-data"' in page.text and "Add an image" in page.text
    token = csrf_token(page.text)

    refused = await client.post(f"/my/listings/{listing_id}/images", data={"csrf_token": token},
                                files=upload(b"not an image"))
    assert refused.status_code == 422
    assert re.search(r'<p class="field-error" id="image-error">The file is not an image \(JPEG, PNG or WebP\)</p>',
                     refused.text)
    forged = await client.post(f"/my/listings/{listing_id}/images", data={"csrf_token": "forged"},
                               files=upload(picture()))
    assert forged.status_code == 403

    added = await client.post(f"/my/listings/{listing_id}/images", data={"csrf_token": token, "alt_text": "Front"},
                              files=upload(picture()))
    assert added.status_code == 303 and added.headers["location"] == f"/listings/{listing_id}#images"
    gallery = (await client.get(f"/listings/{listing_id}")).text
    [source] = re.findall(r'<a class="gallery-main" href="[^"]+"><img src="([^"]+)" alt="Front"', gallery)
    assert (await client.get(source)).headers["content-type"] == "image/webp"
    removed = await client.post(re.findall(r'action="(/my/listings/\d+/images/\d+/delete)"', gallery)[0],
                                data={"csrf_token": token})
    assert removed.status_code == 303
    assert "gallery-main" not in (await client.get(f"/listings/{listing_id}")).text
