"""Verifications as a test needs them: asked for by a member with a PDF as evidence, then decided by an admin,
through the API."""

from datetime import timedelta
from typing import Any

import httpx

from app.core.clock import today

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def certificate(**changes: Any) -> dict[str, Any]:
    """A business licence issued a year ago, valid for another year."""
    facts = {"kind": "business_licence", "issuer": "Ningbo Administration for Market Regulation",
             "certificate_number": "91330200MA2AB12C3D", "issued_on": (today() - timedelta(days=365)).isoformat(),
             "expires_on": (today() + timedelta(days=365)).isoformat()}
    return {**facts, **changes}


async def requested(member: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    """A request with one evidence file, waiting for review."""
    created = await member.post("/api/v1/verifications", json=certificate(**changes))
    assert created.status_code == 201, created.text
    body: dict[str, Any] = created.json()
    added = await member.post(f"/api/v1/verifications/{body['id']}/files",
                              files={"file": ("licence.pdf", PDF, "application/pdf")})
    assert added.status_code == 201, added.text
    return body


async def verified(member: httpx.AsyncClient, admin: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    """An approved verification of the member's organisation."""
    request = await requested(member, **changes)
    approved = await admin.post(f"/api/v1/admin/verifications/{request['id']}/approve", json={})
    assert approved.status_code == 200, approved.text
    body: dict[str, Any] = approved.json()
    return body
