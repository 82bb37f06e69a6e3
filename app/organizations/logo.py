"""An organisation's logo: its members upload one (checked by content, re-encoded to a WebP within 256 px a side)
and everyone sees it where the organisation is shown. A new logo gets a new key and so a new address: caches may
keep each one for good."""

import asyncio
import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_viewer
from app.core.clock import utcnow
from app.core.errors import FieldError, forbidden, not_found, validation_failed
from app.core.images import prepare_logo
from app.core.storage import FileStore, after_transaction
from app.models import Organization
from app.organizations import repository

CONTENT_TYPE = "image/webp"


def logo_url(organization: Organization) -> str | None:
    """Where the logo is served; the key's random part names the version, so the address changes with it."""
    if not organization.logo_key:
        return None
    version = organization.logo_key.rsplit("-", 1)[-1].removesuffix(".webp")
    return f"/files/organizations/{organization.slug}/logo?v={version}"


async def _managed(session: AsyncSession, viewer: Viewer | None, slug: str) -> Organization:
    viewer = require_viewer(viewer)
    organization = await repository.organization_by_slug(session, slug)
    if organization is None:
        raise not_found("Organization")
    if not can_manage(viewer, organization.id):
        raise forbidden("Only members of this organization may change its logo", code="not_a_member")
    return organization


async def set_logo(session: AsyncSession, store: FileStore, viewer: Viewer | None, slug: str,
                   data: bytes | None) -> Organization:
    """`data` None or empty: no file was sent (422 once the viewer is known to may change the logo)."""
    organization = await _managed(session, viewer, slug)
    if not data:
        raise validation_failed([FieldError("logo", "Choose an image file for the logo", "missing")])
    logo = await asyncio.to_thread(prepare_logo, data)
    old, key = organization.logo_key, f"organizations/{organization.id}/logo-{secrets.token_hex(8)}.webp"
    store.put(key, logo)
    organization.logo_key = key
    organization.updated_at = utcnow()
    await session.flush()
    after_transaction(session, committed=lambda: _delete(store, old), rolled_back=lambda: store.delete(key))
    return organization


async def remove_logo(session: AsyncSession, store: FileStore, viewer: Viewer | None, slug: str) -> Organization:
    organization = await _managed(session, viewer, slug)
    old = organization.logo_key
    if old is not None:
        organization.logo_key = None
        organization.updated_at = utcnow()
        await session.flush()
        after_transaction(session, committed=lambda: _delete(store, old))
    return organization


def _delete(store: FileStore, key: str | None) -> None:
    if key is not None:
        store.delete(key)


async def logo_file(session: AsyncSession, store: FileStore, slug: str) -> bytes:
    organization = await repository.organization_by_slug(session, slug)
    data = store.read(organization.logo_key) if organization and organization.logo_key else None
    if data is None:
        raise not_found("Logo")
    return data
