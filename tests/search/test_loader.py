"""Hydrating hits from SQL: hit order kept, rows that stopped being searchable since they were indexed dropped."""

from fastapi import FastAPI

from app.models import Organization
from app.models.enums import ListingStatus, OrganizationRole
from search.loader import load_listings, load_suppliers
from tests.search.rows import add_listing, add_supplier, change_listing


async def test_listings_come_back_in_hit_order_without_the_unpublished(app: FastAPI) -> None:
    sessions = app.state.sessionmaker
    supplier = await add_supplier(sessions)
    first = await add_listing(sessions, supplier, "Ball valve DN50")
    archived = await add_listing(sessions, supplier, "Gate valve DN80")
    draft = await add_listing(sessions, supplier, "Check valve", status=ListingStatus.DRAFT)
    last = await add_listing(sessions, supplier, "Butterfly valve DN100")
    await change_listing(sessions, archived, status=ListingStatus.ARCHIVED)
    async with sessions() as session:
        rows = await load_listings(session, [last, draft, archived, 9999, first])
    assert [(listing.id, organization.id) for listing, organization in rows] == [(last, supplier), (first, supplier)]


async def test_suppliers_exclude_organisations_that_stopped_selling(app: FastAPI) -> None:
    sessions = app.state.sessionmaker
    seller = await add_supplier(sessions, "Seller One")
    former = await add_supplier(sessions, "Former Seller")
    async with sessions.begin() as session:
        (await session.get_one(Organization, former)).role = OrganizationRole.BUYER
    async with sessions() as session:
        assert [organization.id for organization in await load_suppliers(session, [former, seller])] == [seller]
