"""`tradeleads seed --demo`: the demo catalogue built through the services, once (--if-empty the second time), public
as the printed logins say, with a picture for every listing. One seed serves every check: it takes a while."""

from datetime import date

from sqlalchemy import func, select

from app.core import clock
from app.models import Listing, ListingImage, Organization, OutboxEvent, Quote, Rfq, User
from app.models.enums import EntityType, ListingStatus, OrganizationRole


async def _statuses(app, model) -> dict[str, int]:
    async with app.state.sessionmaker() as session:
        statuses = list(await session.scalars(select(model.status)))
    return {status.value: statuses.count(status) for status in set(statuses)}


async def test_seed_demo_builds_the_catalogue_once_through_the_services(app, run_cli, count_rows, client):
    result = await run_cli("seed", "--demo", "--if-empty")

    assert result.exit_code == 0, result.output
    assert "Seeded 27 organizations" in result.output
    assert "admin@example.com" in result.output and "demo-password-1" in result.output
    assert await count_rows(Organization, Organization.role == OrganizationRole.SUPPLIER) == 22
    assert await count_rows(Organization, Organization.role == OrganizationRole.BUYER) == 5  # 4 buyers + operator
    assert await count_rows(User) == 27
    assert await count_rows(User, User.is_platform_admin.is_(True)) == 1
    assert await _statuses(app, Listing) == {"published": 214, "pending_review": 3, "draft": 2}
    assert await _statuses(app, Rfq) == {"open": 5, "pending_review": 2}
    async with app.state.sessionmaker() as session:
        scores = sorted(await session.scalars(select(Rfq.quality_score)))
    assert scores[0] < 40 <= scores[1] and scores[-1] >= 70  # lead quality from one held for review to good
    assert await count_rows(Rfq, Rfq.valid_until <= clock.today()) == 0
    assert "5 quotes" in result.output
    assert await _statuses(app, Quote) == {"submitted": 5}  # none held: no contact details in their messages
    async with app.state.sessionmaker() as session:
        indexed = set(await session.scalars(select(OutboxEvent.entity_id).where(
            OutboxEvent.entity_type == EntityType.LISTING)))
        assert indexed == set(await session.scalars(select(Listing.id)))
        pictured = await session.scalar(select(func.count(func.distinct(ListingImage.listing_id))))
        assert pictured == await count_rows(Listing)  # every listing has its picture
        logos = await session.scalar(select(func.count()).select_from(Organization).where(
            Organization.logo_key.is_not(None), Organization.role == OrganizationRole.SUPPLIER))
        assert logos == 22  # and every supplier its logo

    listings = (await client.get("/api/v1/listings", params={"per_page": 100})).json()
    tshirts = (await client.get("/api/v1/listings", params={"hs_code": "610910", "q": "crew-neck"})).json()
    login = await client.post("/api/v1/auth/login", json={"email": "dhaka@example.com",
                                                          "password": "demo-password-1"})
    assert listings["total"] == 214
    assert {item["status"] for item in listings["items"]} == {ListingStatus.PUBLISHED}
    chapters = await client.get("/api/v1/categories")
    assert sum(1 for section in chapters.json()["sections"] for chapter in section["chapters"]
               if chapter["listing_count"]) >= 25
    assert [(item["title"], item["country_of_origin"]) for item in tshirts["items"]] == [
        ("Men's crew-neck T-shirt, 180 GSM combed cotton", "BD")]
    assert login.status_code == 200
    assert login.json()["organization"]["name"] == "Dhaka Apparel Works Ltd."
    assert login.json()["user"]["email_verified_at"] is not None  # the seed vouches for its addresses
    store = (await client.get("/api/v1/suppliers/dhaka-apparel-works-ltd")).json()
    assert (await client.get(store["logo_url"])).headers["content-type"] == "image/webp"
    assert "verifications: 6 approved, 2 pending" in result.output
    async with app.state.sessionmaker() as session:
        slugs = dict((await session.execute(select(User.email, Organization.slug).join(
            Organization, Organization.id == User.organization_id))).tuples().all())
    badges = {}
    for key in ("brightway", "anatolia", "rheinwerk"):
        found = (await client.get(f"/api/v1/suppliers/{slugs[f'{key}@example.com']}")).json()
        badges[key] = sorted((date.fromisoformat(badge["expires_on"]) - clock.today()).days
                             for badge in found["verifications"])
    assert badges == {"brightway": [695, 900], "anatolia": [20], "rheinwerk": []}  # one within 30 days, one expired

    second = await run_cli("seed", "--demo", "--if-empty")
    assert second.exit_code == 0
    assert second.output == "The database already has organizations; nothing seeded (--if-empty).\n"
    assert await count_rows(Organization) == 27 and await count_rows(Listing) == 219


async def test_seed_without_demo_is_a_usage_error_and_writes_nothing(run_cli, count_rows):
    result = await run_cli("seed")

    assert result.exit_code == 2
    assert "Nothing to seed: pass --demo." in result.output
    assert await count_rows(Organization) == 0
