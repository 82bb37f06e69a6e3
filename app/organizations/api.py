"""JSON API of suppliers' storefronts: GET /api/v1/suppliers/{slug}; its products are
GET /api/v1/listings?organization={slug}, the directory is GET /api/v1/search/suppliers."""

from fastapi import APIRouter

from app.http.deps import DbSession
from app.http.ids import Slug
from app.organizations import service
from app.organizations.schemas import StorefrontOut, storefront_out

router = APIRouter(prefix="/api/v1/suppliers", tags=["suppliers"])


@router.get("/{slug}", response_model=StorefrontOut)
async def get_storefront(slug: Slug, session: DbSession) -> StorefrontOut:
    return storefront_out(await service.storefront(session, slug))
