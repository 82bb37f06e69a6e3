"""JSON API of the viewer's showcase: GET the slots and picks, POST a listing into it, DELETE one out of it."""

from fastapi import APIRouter, Response, status

from app.http.deps import DbSession, RequiredViewer
from app.http.ids import ObjectId
from app.showcase import service
from app.showcase.schemas import ShowcaseOut, ShowcasePickIn

router = APIRouter(prefix="/api/v1", tags=["showcase"])


@router.get("/showcase", response_model=ShowcaseOut)
async def showcase(viewer: RequiredViewer, session: DbSession) -> ShowcaseOut:
    """Your plan's showcase slots and what fills them; a pick not shown says why."""
    return (await service.showcase_of(session, viewer)).summary


@router.post("/showcase", response_model=ShowcaseOut, status_code=status.HTTP_201_CREATED,
             responses={200: {"description": "Already in the showcase: nothing changed"}})
async def add(data: ShowcasePickIn, viewer: RequiredViewer, session: DbSession, response: Response) -> ShowcaseOut:
    """One of your published listings into a free slot: 402 when the plan's slots are taken (or it has none)."""
    _, created = await service.pick(session, viewer, data.listing_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return (await service.showcase_of(session, viewer)).summary


@router.delete("/showcase/{listing_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove(listing_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> None:
    await service.unpick(session, viewer, listing_id)
