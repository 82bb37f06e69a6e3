"""JSON API of suppliers' storefronts: GET /api/v1/suppliers/{slug}; its products are
GET /api/v1/listings?organization={slug}, the directory is GET /api/v1/search/suppliers."""

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile
from pydantic import BaseModel, Field

from app.http.deps import DbSession, Files, RequiredViewer
from app.http.ids import Slug
from app.organizations import logo, service
from app.organizations.logo import logo_url
from app.organizations.schemas import StorefrontOut, storefront_out

router = APIRouter(prefix="/api/v1/suppliers", tags=["suppliers"])


@router.get("/{slug}", response_model=StorefrontOut)
async def get_storefront(slug: Slug, session: DbSession) -> StorefrontOut:
    return storefront_out(await service.storefront(session, slug))


class LogoOut(BaseModel):
    logo_url: str | None = Field(description="Address of the logo (a WebP within 256 px a side); null without one")


logos_router = APIRouter(prefix="/api/v1/organizations", tags=["organizations"])


@logos_router.put("/{slug}/logo", response_model=LogoOut)
async def set_logo(slug: Slug, session: DbSession, viewer: RequiredViewer, store: Files,
                   file: Annotated[UploadFile | None, File()] = None) -> LogoOut:
    """A JPEG, PNG or WebP image (multipart field `file`), checked by its content; replaces the logo."""
    data = await file.read() if file is not None else None
    return LogoOut(logo_url=logo_url(await logo.set_logo(session, store, viewer, slug, data)))


@logos_router.delete("/{slug}/logo", response_model=LogoOut)
async def remove_logo(slug: Slug, session: DbSession, viewer: RequiredViewer, store: Files) -> LogoOut:
    return LogoOut(logo_url=logo_url(await logo.remove_logo(session, store, viewer, slug)))


logo_files_router = APIRouter(prefix="/files/organizations", tags=["organizations"])


@logo_files_router.get("/{slug}/logo", response_class=Response,
                       responses={200: {"content": {"image/webp": {}}, "description": "The logo"}})
async def logo_file(slug: Slug, session: DbSession, store: Files,
                    v: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The organisation's logo. Asked for by its version (`v`, as logo_url gives it), it may be cached for good."""
    data = await logo.logo_file(session, store, slug)
    caching = "public, max-age=31536000, immutable" if v else "public, max-age=300"
    return Response(data, media_type=logo.CONTENT_TYPE, headers={"Cache-Control": caching})
