from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, JSONType
from app.models.durable import ClaimedJob


class ListingImport(ClaimedJob, Base):
    """A bulk import of listings uploaded in the browser or through the API: the file waits in the file store and
    a worker (the web process's background task on the embedded default) works it off in batches. Each batch's
    listings and this row's counts and row errors commit together, so a worker that stops resumes after the last
    batch saved, never importing a row twice. `claimed_at` is the lease: a claim older than the lease is free."""

    __tablename__ = "listing_imports"
    __table_args__ = (Index("ix_listing_imports_organization_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(200))
    file_format: Mapped[str] = mapped_column(String(8))
    file_key: Mapped[str] = mapped_column(String(200))
    submit: Mapped[bool] = mapped_column(default=False)
    total_rows: Mapped[int]
    handled_rows: Mapped[int] = mapped_column(default=0)
    imported: Mapped[int] = mapped_column(default=0)
    # [{"line": 3, "field": "hs_code", "message": "..."}], in line order
    row_errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
