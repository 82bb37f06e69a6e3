"""Taking a batch of durable work rows (outbox events, alert jobs, outgoing e-mails; their columns are
app.models.durable) so that drains running at once never take the same row: the pending rows are locked with
FOR UPDATE SKIP LOCKED, the first `batch_size` of them by primary key (the order they were written). SQLite ignores
the clause; it has one writer at a time anyway.

It lives in app.core, beside count_failure (app.core.attempts: how the same rows fail), because the search engine's
indexer claims outbox rows with it and an engine imports only app.core and app.models. Like the rest of app.core it
knows no model: callers pass the model and the conditions that make one of its rows pending."""

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, inspect, select, update
from sqlalchemy.ext.asyncio import AsyncSession

Job = TypeVar("Job")


def _unlocked(columns: Any, key: Any, conditions: Sequence[ColumnElement[bool]], batch_size: int) -> Select[Any]:
    return select(columns).where(*conditions).order_by(key).limit(batch_size).with_for_update(skip_locked=True)


async def lock_batch(session: AsyncSession, model: type[Job], conditions: Sequence[ColumnElement[bool]],
                     batch_size: int) -> list[Job]:
    """Pending rows that no other transaction holds, locked until this one ends (for work done inside it)."""
    key = inspect(model).primary_key[0]
    return list(await session.scalars(_unlocked(model, key, conditions, batch_size)))


async def claim_batch(session: AsyncSession, model: type[Job], conditions: Sequence[ColumnElement[bool]],
                      batch_size: int, worker: str) -> list[Job]:
    """Pending rows that no other transaction holds, locked and marked `claimed_by=worker` in one statement, then
    loaded in primary-key order. The model needs a `claimed_by` column (app.models.durable.ClaimedJob)."""
    key = inspect(model).primary_key[0]
    claimed = (update(model).where(key.in_(_unlocked(key, key, conditions, batch_size).scalar_subquery()))
               .values(claimed_by=worker).returning(key))
    ids = list((await session.scalars(claimed)).all())
    rows = await session.scalars(select(model).where(key.in_(ids)).order_by(key))
    return list(rows.all())
