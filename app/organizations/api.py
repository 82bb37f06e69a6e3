"""JSON API of suppliers' storefronts: GET /api/v1/suppliers/{slug}; its products are
GET /api/v1/listings?organization={slug}, the directory is GET /api/v1/search/suppliers."""

from typing import Annotated

from fastapi import APIRouter, Path

from app.http.deps import DbSession
from app.organizations import service
from app.organizations.schemas import StorefrontOut, storefront_out

router = APIRouter(prefix="/api/v1/suppliers", tags=["suppliers"])
Slug = Annotated[str, Path(min_length=1, max_length=120, description="The supplier's address, as in /suppliers/{slug}")]


@router.get("/{slug}", response_model=StorefrontOut)
async def get_storefront(slug: Slug, session: DbSession) -> StorefrontOut:
    return storefront_out(await service.storefront(session, slug))
