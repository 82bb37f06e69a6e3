"""Queries of alerts: claiming alert jobs, the once-per-organisation delivery pairs, saved searches (an
organisation's own, the ones the search engine does not hold yet), webhook endpoints and the queueing, leasing and
locking of their deliveries."""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Select, and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import Exists

from app.core.jobs import claim_batch
from app.core.repository import upsert_insert
from app.models import AlertDelivery, AlertJob, OutboxEvent, SavedSearch, WebhookDelivery, WebhookEndpoint
from app.models.enums import AlertEvent, EntityType, NotificationKind

# The outbox entity each alert event is about: its job waits until that entity is indexed.
SUBJECTS = {AlertEvent.RFQ_OPENED: EntityType.RFQ, AlertEvent.LISTING_PUBLISHED: EntityType.LISTING}
DeliveryRow = tuple[WebhookDelivery, WebhookEndpoint]


def _subject_unindexed() -> Exists:
    same_subject = or_(*(and_(AlertJob.event == event, OutboxEvent.entity_type == entity)
                         for event, entity in SUBJECTS.items()))
    return exists().where(same_subject, OutboxEvent.entity_id == AlertJob.subject_id, *OutboxEvent.pending())


async def claim_jobs(session: AsyncSession, batch_size: int, worker: str) -> list[AlertJob]:
    """Pending jobs whose subject has no unindexed outbox row left (matching reads the index)."""
    return await claim_batch(session, AlertJob, [*AlertJob.pending(), ~_subject_unindexed()], batch_size, worker)


async def insert_delivery_pair(session: AsyncSession, event_key: str, organization_id: int,
                               kind: NotificationKind) -> int | None:
    """The new delivery's id, or None when this organisation was already told of this event."""
    statement = (upsert_insert(session, AlertDelivery)
                 .values(event_key=event_key, organization_id=organization_id, kind=kind)
                 .on_conflict_do_nothing(index_elements=["event_key", "organization_id"])
                 .returning(AlertDelivery.id))
    return await session.scalar(statement)


async def lock_unregistered_saved_searches(session: AsyncSession) -> list[SavedSearch]:
    statement = (select(SavedSearch).where(SavedSearch.registered_at.is_(None))
                 .order_by(SavedSearch.id).with_for_update(skip_locked=True))
    return list((await session.scalars(statement)).all())


async def saved_searches_by_ids(session: AsyncSession, ids: Collection[int]) -> list[SavedSearch]:
    statement = select(SavedSearch).where(SavedSearch.id.in_(ids)).order_by(SavedSearch.id)
    return list((await session.scalars(statement)).all())


async def count_saved_searches(session: AsyncSession, organization_id: int) -> int:
    count = await session.scalar(select(func.count()).where(SavedSearch.organization_id == organization_id))
    return count or 0


def _saved_searches_of(organization_id: int) -> Select[SavedSearch]:
    return select(SavedSearch).where(SavedSearch.organization_id == organization_id)


def saved_searches_of(organization_id: int) -> Select[SavedSearch]:
    """The organisation's saved searches, latest first."""
    return _saved_searches_of(organization_id).order_by(SavedSearch.id.desc())


async def organization_saved_search(session: AsyncSession, organization_id: int,
                                    search_id: int) -> SavedSearch | None:
    return await session.scalar(_saved_searches_of(organization_id).where(SavedSearch.id == search_id))


def _endpoints_of(organization_id: int) -> Select[WebhookEndpoint]:
    return select(WebhookEndpoint).where(WebhookEndpoint.organization_id == organization_id)


async def endpoints_of(session: AsyncSession, organization_id: int) -> list[WebhookEndpoint]:
    return list((await session.scalars(_endpoints_of(organization_id).order_by(WebhookEndpoint.id))).all())


async def organization_endpoint(session: AsyncSession, organization_id: int,
                                endpoint_id: int) -> WebhookEndpoint | None:
    return await session.scalar(_endpoints_of(organization_id).where(WebhookEndpoint.id == endpoint_id))


def deliveries_of(endpoint_id: int) -> Select[WebhookDelivery]:
    """The endpoint's deliveries, latest first."""
    return select(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint_id).order_by(WebhookDelivery.id.desc())


async def active_endpoints(session: AsyncSession, organization_id: int) -> list[WebhookEndpoint]:
    statement = select(WebhookEndpoint).where(WebhookEndpoint.organization_id == organization_id,
                                              WebhookEndpoint.active.is_(True))
    return list((await session.scalars(statement)).all())


async def insert_delivery(session: AsyncSession, endpoint_id: int, event_id: str, event_type: str, payload: str,
                          next_attempt_at: datetime) -> None:
    """Queues the event for the endpoint; an event already queued for it stays as it is."""
    statement = upsert_insert(session, WebhookDelivery).values(
        endpoint_id=endpoint_id, event_id=event_id, event_type=event_type, payload=payload,
        next_attempt_at=next_attempt_at)
    await session.execute(statement.on_conflict_do_nothing())


async def lock_due_deliveries(session: AsyncSession, now: datetime, batch_size: int) -> list[DeliveryRow]:
    """Undelivered deliveries of active endpoints due at `now`, earliest first, with their endpoint; locked (skipping
    the ones another transaction holds) so the caller can lease them.

    Not app.core.jobs' claim: deliveries are taken by due time (next_attempt_at, then id) with their endpoint, and
    leased by moving that due time forward, since they are sent after this transaction has ended."""
    statement = (select(WebhookDelivery, WebhookEndpoint).join(WebhookEndpoint)
                 .where(WebhookDelivery.delivered_at.is_(None), WebhookDelivery.next_attempt_at <= now,
                        WebhookEndpoint.active.is_(True))
                 .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id).limit(batch_size)
                 .with_for_update(skip_locked=True, of=WebhookDelivery))
    return [(delivery, endpoint) for delivery, endpoint in (await session.execute(statement)).all()]


async def lease_deliveries(session: AsyncSession, ids: list[int], now: datetime, until: datetime) -> set[int]:
    """Moves the due time of those of `ids` still due at `now` to `until`; returns them. A compare-and-set: on
    SQLite, which has no row locks, a sender in another process may have read the same rows, and the one whose
    update comes second finds them no longer due, so no delivery goes out twice."""
    if not ids:
        return set()
    statement = (update(WebhookDelivery)
                 .where(WebhookDelivery.id.in_(ids), WebhookDelivery.delivered_at.is_(None),
                        WebhookDelivery.next_attempt_at <= now)
                 .values(next_attempt_at=until).returning(WebhookDelivery.id)
                 .execution_options(synchronize_session=False))
    return set((await session.scalars(statement)).all())


async def lock_delivery(session: AsyncSession, delivery_id: int) -> DeliveryRow | None:
    """The delivery with its endpoint, locked; None when the endpoint (and so the delivery) was deleted."""
    statement = (select(WebhookDelivery, WebhookEndpoint).join(WebhookEndpoint)
                 .where(WebhookDelivery.id == delivery_id).with_for_update())
    row = (await session.execute(statement)).first()
    return None if row is None else (row[0], row[1])
