"""The admin moderation page: the queue, approve and reject forms (CSRF-checked), refusals per role."""

import re

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ModerationDecision, User
from tests.support.actors import Cast
from tests.support.listings import listing_in_status
from tests.support.pages import submit_form, text_of

PAGE = "/admin/moderation"


async def status_of(cast: Cast, listing_id: int) -> str:
    return str((await (await cast.owner()).client.get(f"/api/v1/listings/{listing_id}")).json()["status"])


async def test_an_admin_approves_from_the_queue(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review", title="Copper wire")
    admin = await cast.admin()
    assert "Copper wire" in text_of(await admin.client.get(PAGE))

    response = await submit_form(admin.client, PAGE, f"{PAGE}/listing/{listing['id']}/approve", {})

    assert (response.status_code, response.headers["location"]) == (303, PAGE)
    assert await status_of(cast, listing["id"]) == "published"
    page = text_of(await admin.client.get(PAGE))
    assert "Nothing is waiting for review." in page and "approved" in page


async def test_an_admin_rejects_with_a_reason(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()

    await submit_form(admin.client, PAGE, f"{PAGE}/listing/{listing['id']}/reject",
                      {"reason_code": "incomplete", "note": "Add the weight"})

    stored = (await (await cast.owner()).client.get(f"/api/v1/listings/{listing['id']}")).json()
    assert (stored["status"], stored["rejection_reason"]) == ("rejected", "Incomplete: Add the weight")


async def test_other_without_a_note_shows_the_queue_with_a_message(cast: Cast, db: AsyncSession) -> None:
    listing = await listing_in_status(cast, "pending_review", title="Copper wire")
    admin = await cast.admin()

    response = await submit_form(admin.client, PAGE, f"{PAGE}/listing/{listing['id']}/reject",
                                 {"reason_code": "other"})

    assert response.status_code == 422
    assert "Some fields are not valid" in text_of(response) and "Copper wire" in text_of(response)
    assert await status_of(cast, listing["id"]) == "pending_review"
    assert await db.scalar(select(func.count()).select_from(ModerationDecision)) == 0


async def test_a_decision_without_the_form_token_is_refused(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()
    await admin.client.get(PAGE)

    response = await admin.client.post(f"{PAGE}/listing/{listing['id']}/approve", data={})

    assert response.status_code == 403
    assert await status_of(cast, listing["id"]) == "pending_review"


async def test_non_admins_cannot_see_or_use_the_queue(cast: Cast, client: httpx.AsyncClient) -> None:
    listing = await listing_in_status(cast, "pending_review")
    owner = await cast.owner()

    assert (await owner.client.get(PAGE)).status_code == 403
    refused = await submit_form(owner.client, "/notifications", f"{PAGE}/listing/{listing['id']}/approve", {})
    assert refused.status_code == 403
    anonymous = await client.get(PAGE)
    assert (anonymous.status_code, anonymous.headers["location"]) == (303, "/login?next=%2Fadmin%2Fmoderation")
    assert await status_of(cast, listing["id"]) == "pending_review"
    assert "Moderation" not in (await owner.client.get("/")).text


def reject_form_of(page: str, listing_id: int) -> str:
    """The reject form of one queue row, as HTML."""
    match = re.search(rf'action="{PAGE}/listing/{listing_id}/reject".*?</form>', page, re.S)
    assert match, "the row has no reject form"
    return match.group(0)


async def test_other_without_a_note_marks_the_note_field(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review", title="Copper wire")
    admin = await cast.admin()

    response = await submit_form(admin.client, PAGE, f"{PAGE}/listing/{listing['id']}/reject",
                                 {"reason_code": "other"})

    form = reject_form_of(text_of(response), listing["id"])
    note = re.search(r'<div class="field([^"]*)">\s*<label[^>]*>Note.*?</div>', form, re.S)
    assert note and "has-error" in note.group(1)
    assert 'Write a note: the owner needs to know why when the reason is "Other"' in note.group(0)
    assert re.search(r'<option value="other" selected>Other</option>', form)


async def test_no_reason_is_chosen_until_the_admin_picks_one(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()

    form = reject_form_of(text_of(await admin.client.get(PAGE)), listing["id"])

    options = re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', form)
    assert options[0] == ("", " selected disabled", "Choose a reason")
    assert [attributes for _, attributes, _ in options[1:]] == [""] * 6
    assert re.search(r'<select[^>]*name="reason_code"[^>]*required', form)


async def test_the_decision_log_names_the_admin(cast: Cast, db: AsyncSession) -> None:
    listing = await listing_in_status(cast, "pending_review")
    admin = await cast.admin()
    await submit_form(admin.client, PAGE, f"{PAGE}/listing/{listing['id']}/approve", {})
    name = await db.scalar(select(User.name).where(User.id == admin.user_id))

    page = text_of(await admin.client.get(PAGE))

    row = re.search(r'<table class="table decisions"[^>]*>.*?<tbody>\s*<tr>(.*?)</tr>', page, re.S)
    assert row and re.findall(r"<td>([^<]*)</td>", row.group(1))[-1] == name
