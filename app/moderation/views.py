"""Queue items as the API and the admin page show them: with the owning organization's name."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.http.lookups import organization_names
from app.moderation.registry import QueueItem
from app.moderation.schemas import QueueItemOut


async def queue_out(session: AsyncSession, items: list[QueueItem]) -> list[QueueItemOut]:
    names = await organization_names(session, (item.organization_id for item in items))
    return [QueueItemOut.model_validate(item).model_copy(update={"organization_name": names.get(item.organization_id,
                                                                                                  "")})
            for item in items]
