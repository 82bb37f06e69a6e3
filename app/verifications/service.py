"""Verification requests and their review. An organisation asks to have a fact checked (its business licence, an
audit, a certificate), states what the certificate says and adds evidence; an admin approves, rejects with a reason
or asks for more evidence, and every step is logged with who and when. Approved verifications give badges until
they expire (trust.verification), judged when read; the organisation keeps the day its last one runs out
(organizations.verified_until), which matching, search and lead quality read."""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.auth.viewer import Viewer, require_admin, require_viewer
from app.background.outbox import record_change
from app.core.clock import today, utcnow
from app.core.errors import FieldError, conflict, not_found, validation_failed
from app.core.repository import Page, by_id, paginate
from app.models import Organization, Verification, VerificationEvent, VerificationFile
from app.models.enums import (
    STANDARD_KINDS,
    EntityType,
    NotificationKind,
    VerificationAction,
    VerificationRejection,
    VerificationStatus,
)
from app.notifications.service import Message, notify_organization
from app.rfqs import quality
from app.verifications import repository
from app.verifications.evidence import file_url, own_verification
from app.verifications.schemas import (
    REJECTION_LABELS,
    AdminVerificationOut,
    DecisionIn,
    EventOut,
    EvidenceFileOut,
    EvidenceRequestIn,
    RejectionIn,
    VerificationFacts,
    VerificationIn,
    VerificationOut,
)
from trust import verification as rules
from trust.verification import KIND_LABELS


def file_out(file: VerificationFile) -> EvidenceFileOut:
    return EvidenceFileOut(id=file.id, file_name=file.file_name, content_type=file.content_type, size=file.size,
                           public=file.public, created_at=file.created_at, url=file_url(file))


async def _outs(session: AsyncSession, found: Collection[Verification]) -> list[VerificationOut]:
    ids = [verification.id for verification in found]
    files, events = await repository.files_of(session, ids), await repository.events_of(session, ids)
    now = today()
    return [VerificationOut(
        id=item.id, organization_id=item.organization_id, kind=item.kind, standard=item.standard,
        issuer=item.issuer, certificate_number=item.certificate_number, issued_on=item.issued_on,
        expires_on=item.expires_on, status=item.status, created_at=item.created_at, decided_at=item.decided_at,
        live=rules.is_live(item.status is VerificationStatus.APPROVED, item.expires_on, now),
        rejection_reason=item.rejection_reason, decision_note=item.decision_note,
        files=[file_out(file) for file in files[item.id]],
        history=[EventOut.model_validate(event) for event in events[item.id]]) for item in found]


def _log(session: AsyncSession, verification: Verification, viewer: Viewer, action: VerificationAction,
         note: str = "", reason: VerificationRejection | None = None) -> None:
    verification.updated_at = utcnow()
    session.add(VerificationEvent(verification_id=verification.id, user_id=viewer.user_id, action=action,
                                  reason=reason, note=note))


async def request_verification(session: AsyncSession, viewer: Viewer | None, data: VerificationIn) -> Verification:
    member = require_viewer(viewer)
    problems = rules.request_problems(data.issued_on, data.expires_on, today(), standard=data.standard,
                                      needs_standard=data.kind in STANDARD_KINDS)
    if problems:
        raise validation_failed([FieldError(problem.field, problem.message, problem.code) for problem in problems])
    verification = Verification(organization_id=member.organization_id, requested_by_user_id=member.user_id,
                                **data.model_dump())
    session.add(verification)
    await session.flush()
    _log(session, verification, member, VerificationAction.REQUESTED)
    await session.flush()
    return verification


async def verifications_of_viewer(session: AsyncSession, viewer: Viewer | None) -> list[VerificationOut]:
    member = require_viewer(viewer)
    return await _outs(session, await repository.of_organization(session, member.organization_id))


async def verification(session: AsyncSession, viewer: Viewer | None, verification_id: int) -> VerificationOut:
    [found] = await _outs(session, [await own_verification(session, viewer, verification_id)])
    return found


async def resubmit(session: AsyncSession, viewer: Viewer | None, verification_id: int) -> Verification:
    """Back to the queue once the evidence an admin asked for is added."""
    found = await own_verification(session, viewer, verification_id, lock=True)
    if found.status is not VerificationStatus.NEEDS_EVIDENCE:
        raise conflict(f"Only a verification waiting for evidence goes back for review; this one is "
                       f"{found.status.value}", code="not_waiting_for_evidence")
    found.status = VerificationStatus.PENDING
    _log(session, found, require_viewer(viewer), VerificationAction.RESUBMITTED)
    await session.flush()
    return found


async def queue(session: AsyncSession, viewer: Viewer | None, status: VerificationStatus | None, page: int,
                per_page: int) -> Page[AdminVerificationOut]:
    require_admin(viewer)
    found = await paginate(session, repository.queue(status), page, per_page)
    names = await by_id(session, Organization, {item.organization_id for item in found.items})
    items = [AdminVerificationOut(**out.model_dump(), organization_name=names[out.organization_id].name)
             for out in await _outs(session, found.items)]
    return Page(items=items, total=found.total, page=found.page, per_page=found.per_page)


async def _under_review(session: AsyncSession, viewer: Viewer | None, verification_id: int,
                        ) -> tuple[Viewer, Verification]:
    """The request, locked and waiting for review: a second admin deciding it at once is told it was decided."""
    admin = require_admin(viewer)
    found = await repository.locked(session, verification_id)
    if found is None:
        raise not_found("Verification")
    if found.status is VerificationStatus.NEEDS_EVIDENCE:
        raise conflict("This verification waits for the evidence asked for: decide once it is sent back",
                       code="waiting_for_evidence")
    if found.status is not VerificationStatus.PENDING:
        raise conflict(f"This verification was {found.status.value} already", code="verification_decided")
    return admin, found


async def _decided(session: AsyncSession, found: Verification, message: Message) -> None:
    """After a decision: the organisation's verified-until day, its search documents and its buyers' lead scores
    follow, and its members are told."""
    found.decided_at = utcnow()
    await refresh_organization(session, found.organization_id)
    await notify_organization(session, found.organization_id, message)
    await session.flush()


async def refresh_organization(session: AsyncSession, organization_id: int) -> None:
    """The organisation's verified-until day from its approved verifications, and what reads it: its search
    documents and the lead quality of its live RFQs."""
    await session.flush()
    organization = await session.get_one(Organization, organization_id)
    organization.verified_until = rules.verified_until(await repository.approved_expiries(session, organization_id))
    record_change(session, EntityType.ORGANIZATION, organization_id)
    await quality.reassess_live_rfqs_of(session, organization_id)


def _what(found: Verification) -> str:
    return f"{KIND_LABELS[found.kind]}{f' ({found.standard})' if found.standard else ''}"


async def approve(session: AsyncSession, viewer: Viewer | None, verification_id: int,
                  data: DecisionIn) -> Verification:
    admin, found = await _under_review(session, viewer, verification_id)
    if not (await repository.files_of(session, [found.id]))[found.id]:
        raise conflict("Approve only what evidence shows: this request has no evidence file", code="no_evidence")
    if found.expires_on <= today():
        raise conflict("This certificate has expired meanwhile: reject it or ask for a current one",
                       code="expired")
    found.status, found.rejection_reason, found.decision_note = VerificationStatus.APPROVED, None, data.note.strip()
    _log(session, found, admin, VerificationAction.APPROVED, found.decision_note)
    await _decided(session, found, Message(
        NotificationKind.VERIFICATION_DECIDED, f"Verified: {_what(found)}",
        f"Your badge shows until {found.expires_on.isoformat()}. {found.decision_note}".strip(), "/verifications"))
    return found


async def reject(session: AsyncSession, viewer: Viewer | None, verification_id: int,
                 data: RejectionIn) -> Verification:
    admin, found = await _under_review(session, viewer, verification_id)
    found.status, found.rejection_reason = VerificationStatus.REJECTED, data.reason
    found.decision_note = data.note.strip()
    _log(session, found, admin, VerificationAction.REJECTED, found.decision_note, data.reason)
    await _decided(session, found, Message(
        NotificationKind.VERIFICATION_DECIDED, f"Not verified: {_what(found)}",
        f"{REJECTION_LABELS[data.reason]}. {found.decision_note}".strip(), "/verifications"))
    return found


async def request_evidence(session: AsyncSession, viewer: Viewer | None, verification_id: int,
                           data: EvidenceRequestIn) -> Verification:
    admin, found = await _under_review(session, viewer, verification_id)
    found.status, found.decision_note = VerificationStatus.NEEDS_EVIDENCE, data.note.strip()
    _log(session, found, admin, VerificationAction.EVIDENCE_REQUESTED, found.decision_note)
    await notify_organization(session, found.organization_id, Message(
        NotificationKind.VERIFICATION_DECIDED, f"More evidence needed: {_what(found)}", found.decision_note,
        f"/verifications/{found.id}"))
    await session.flush()
    return found


async def badges(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, list[VerificationFacts]]:
    """Each organisation's live verifications as anyone may see them: the facts and the files marked public."""
    live = await repository.approved_of(session, organization_ids, today())
    files = await repository.files_of(session, [item.id for items in live.values() for item in items])
    return {organization_id: [VerificationFacts(
        id=item.id, kind=item.kind, standard=item.standard, issuer=item.issuer,
        certificate_number=item.certificate_number, issued_on=item.issued_on, expires_on=item.expires_on,
        public_files=[file_out(file) for file in files[item.id] if file.public]) for item in items]
        for organization_id, items in live.items()}


@dataclass
class ReminderReport:
    reminded: list[int] = field(default_factory=list)
    reindexed: list[int] = field(default_factory=list)


async def run_reminders(sessions: async_sessionmaker[AsyncSession], day: date) -> ReminderReport:
    """The daily job: tells holders their verification expires in 30 and in 7 days (once each), and refreshes the
    search documents of organisations whose last verification ran out in the past week (pages drop the badge on
    the day without it; the search filter follows here)."""
    report = ReminderReport()
    async with sessions() as session:
        for item in await repository.expiring_within(session, day):
            due = rules.reminder_due(item.expires_on, day, item.reminders_sent)
            if due is None:
                continue
            item.reminders_sent = rules.REMINDER_DAYS.index(due) + 1
            await notify_organization(session, item.organization_id, Message(
                NotificationKind.VERIFICATION_EXPIRING, f"Verification expires in {due} days: {_what(item)}",
                f"It expires on {item.expires_on.isoformat()}. Ask for a new verification with the renewed "
                "certificate to keep the badge.", "/verifications"))
            report.reminded.append(item.id)
        for organization_id in await repository.lapsed_on(session, date.fromordinal(day.toordinal() - 7), day):
            record_change(session, EntityType.ORGANIZATION, organization_id)
            report.reindexed.append(organization_id)
        await session.commit()
    return report

