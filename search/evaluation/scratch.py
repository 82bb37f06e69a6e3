"""A throw-away database and search index for one evaluation run: a temporary SQLite file with the schema, the
corpus as published listings (one supplier organisation per source), and an embedded index in the same temporary
folder or a uniquely prefixed OpenSearch index; everything is removed afterwards."""

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import utcnow
from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker
from app.models import Base, Listing, Organization
from app.models.enums import ListingStatus, OrganizationRole, Unit
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.evaluation.dataset import Offer
from search.factory import opensearch_client
from search.opensearch import OpenSearchBackend

Sessions = async_sessionmaker[AsyncSession]
INSERT_BATCH = 1000
SCRATCH_COUNTRY = "US"


@asynccontextmanager
async def scratch_database(folder: Path) -> AsyncIterator[Sessions]:
    engine = create_engine(Settings(database_url=f"sqlite+aiosqlite:///{folder / 'eval.db'}"))
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()


@asynccontextmanager
async def scratch_backend(kind: str, folder: Path, settings: Settings) -> AsyncIterator[SearchBackend]:
    """`embedded`: an index file in `folder`; `opensearch`: indices under a unique prefix, deleted afterwards."""
    backend: SearchBackend
    if kind == "opensearch":
        if not settings.opensearch_url:
            raise ValueError("set TRADELEADS_OPENSEARCH_URL to evaluate the OpenSearch engine")
        prefix = f"{settings.search_index_prefix}eval-{uuid.uuid4().hex[:10]}-"
        backend = OpenSearchBackend(opensearch_client(settings), prefix, refresh=False)
    else:
        backend = EmbeddedBackend(folder / "search.sqlite3")
    try:
        yield backend
    finally:
        try:
            await backend.drop()
        finally:
            await backend.close()


def _organizations(offers: Sequence[Offer]) -> dict[str, int]:
    return {source: number for number, source in enumerate(sorted({o.source for o in offers}), 1)}


def _listing_row(listing_id: int, organization_id: int, item: Offer) -> dict[str, Any]:
    now = utcnow()
    return {"id": listing_id, "organization_id": organization_id, "title": item.title,
            "description": item.description, "keywords": item.keywords, "specs": item.specs,
            # The corpus has no MOQ; 1 piece is the least the schema allows.
            "moq": 1, "moq_unit": Unit.PIECE, "price_min": item.price, "price_max": item.price,
            "currency": "USD" if item.price is not None else None, "status": ListingStatus.PUBLISHED,
            "published_at": now, "created_at": now, "updated_at": now}


async def load_offers(sessions: Sessions, offers: Sequence[Offer]) -> dict[int, str]:
    """Inserts the offers as published listings in batches; returns listing id -> corpus id."""
    organizations = _organizations(offers)
    async with sessions.begin() as session:
        await session.execute(insert(Organization), [
            {"id": number, "name": source, "slug": f"eval-{number}", "role": OrganizationRole.SUPPLIER,
             "country": SCRATCH_COUNTRY} for source, number in organizations.items()])
        for start in range(0, len(offers), INSERT_BATCH):
            batch = offers[start:start + INSERT_BATCH]
            await session.execute(insert(Listing), [
                _listing_row(start + index, organizations[item.source], item) for index, item in enumerate(batch, 1)])
    return {number: item.key for number, item in enumerate(offers, 1)}
