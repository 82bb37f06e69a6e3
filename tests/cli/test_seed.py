
from sqlalchemy import select

from app.core import clock
from app.models import Listing, Organization, OutboxEvent, Rfq, User
from app.models.enums import EntityType, ListingStatus, OrganizationRole, RfqStatus


async def _statuses(app, model) -> dict[str, int]:
    async with app.state.sessionmaker() as session:
        statuses = list(await session.scalars(select(model.status)))
    return {status.value: statuses.count(status) for status in set(statuses)}


async def test_seed_demo_builds_the_catalogue_through_the_services(app, run_cli, count_rows):
    result = await run_cli("seed", "--demo")

    assert result.exit_code == 0, result.output
    assert "Seeded 11 organizations" in result.output
    assert "admin@example.com" in result.output and "demo-password-1" in result.output
    assert await count_rows(Organization, Organization.role == OrganizationRole.SUPPLIER) == 7
    assert await count_rows(Organization, Organization.role == OrganizationRole.BUYER) == 4  # 3 buyers + operator
    assert await count_rows(User) == 11
    assert await count_rows(User, User.is_platform_admin.is_(True)) == 1
    assert await _statuses(app, Listing) == {"published": 35, "pending_review": 3, "draft": 2}
    assert await _statuses(app, Rfq) == {"open": 5, "pending_review": 1}
    assert await count_rows(Rfq, Rfq.valid_until <= clock.today()) == 0
    async with app.state.sessionmaker() as session:
        indexed = set(await session.scalars(select(OutboxEvent.entity_id).where(
            OutboxEvent.entity_type == EntityType.LISTING)))
        assert indexed == set(await session.scalars(select(Listing.id)))


async def test_seeded_listings_are_public_and_the_printed_logins_work(app, run_cli, client):
    assert (await run_cli("seed", "--demo")).exit_code == 0

    listings = (await client.get("/api/v1/listings", params={"per_page": 100})).json()
    tshirts = (await client.get("/api/v1/listings", params={"hs_code": "6109"})).json()
    login = await client.post("/api/v1/auth/login", json={"email": "dhaka@example.com",
                                                          "password": "demo-password-1"})

    assert listings["total"] == 35
    assert {item["status"] for item in listings["items"]} == {ListingStatus.PUBLISHED}
    assert len({item["hs_code"][:2] for item in listings["items"]}) >= 15
    assert [(item["title"], item["country_of_origin"]) for item in tshirts["items"]] == [
        ("Men's crew-neck T-shirt, 180 GSM combed cotton", "BD")]
    assert login.status_code == 200
    assert login.json()["organization"]["name"] == "Dhaka Apparel Works Ltd."


async def test_seed_if_empty_does_nothing_the_second_time(run_cli, count_rows):
    first = await run_cli("seed", "--demo", "--if-empty")
    second = await run_cli("seed", "--demo", "--if-empty")

    assert (first.exit_code, second.exit_code) == (0, 0)
    assert second.output == "The database already has organizations; nothing seeded (--if-empty).\n"
    assert await count_rows(Organization) == 11
    assert await count_rows(Listing) == 40
    assert await count_rows(Rfq, Rfq.status == RfqStatus.OPEN) == 5


async def test_seed_without_demo_is_a_usage_error_and_writes_nothing(run_cli, count_rows):
    result = await run_cli("seed")

    assert result.exit_code == 2
    assert "Nothing to seed: pass --demo." in result.output
    assert await count_rows(Organization) == 0
