"""What the moderation queue knows about a kind of moderated object: an adapter per entity type (see adapters.py,
which lists them). The rules of approving and rejecting stay in each kind's own service."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.moderation import repository

Approve = Callable[[AsyncSession, Viewer, int], Awaitable[Any]]
Reject = Callable[[AsyncSession, Viewer, int, str], Awaitable[Any]]


@dataclass(frozen=True)
class QueueItem:
    entity_type: str
    entity_id: int
    title: str
    organization_id: int
    submitted_at: datetime
    link: str
    quality: int | None = None  # an RFQ's lead-quality score (trust.lead_quality)


class ModerationAdapter(Protocol):
    @property
    def entity_type(self) -> str: ...

    async def pending(self, session: AsyncSession, limit: int) -> list[QueueItem]: ...

    async def count_pending(self, session: AsyncSession) -> int: ...

    async def approve(self, session: AsyncSession, viewer: Viewer, entity_id: int) -> Any: ...

    async def reject(self, session: AsyncSession, viewer: Viewer, entity_id: int, reason: str) -> Any: ...


@dataclass(frozen=True)
class StatusAdapter:
    """For a model with id, organization_id, status and updated_at columns: pending = status is `pending`,
    oldest submission first."""

    entity_type: str
    model: Any
    pending_status: StrEnum
    approve_with: Approve
    reject_with: Reject
    title_of: Callable[[Any], str]
    link_of: Callable[[int], str]
    quality_of: Callable[[Any], int | None] = lambda _row: None

    async def pending(self, session: AsyncSession, limit: int) -> list[QueueItem]:
        rows = await repository.pending_rows(session, self.model, self.pending_status, limit)
        return [QueueItem(self.entity_type, row.id, self.title_of(row), row.organization_id, row.updated_at,
                          self.link_of(row.id), self.quality_of(row)) for row in rows]

    async def count_pending(self, session: AsyncSession) -> int:
        return await repository.pending_count(session, self.model, self.pending_status)

    async def approve(self, session: AsyncSession, viewer: Viewer, entity_id: int) -> Any:
        return await self.approve_with(session, viewer, entity_id)

    async def reject(self, session: AsyncSession, viewer: Viewer, entity_id: int, reason: str) -> Any:
        return await self.reject_with(session, viewer, entity_id, reason)
