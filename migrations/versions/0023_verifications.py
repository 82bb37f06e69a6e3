"""verifications: suppliers' verification requests with evidence files and a decision log; organizations keep the
day they stop counting as verified (verified_until) instead of a verified_at that nothing could expire

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 08:10:00
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = '0023'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ('quote_received', 'quote_revised', 'quote_withdrawn', 'quote_awarded', 'quote_declined', 'rfq_approved',
         'rfq_rejected', 'rfq_closed', 'rfq_expired', 'listing_approved', 'listing_rejected', 'quote_rejected',
         'inquiry_received', 'inquiry_reply', 'rfq_match', 'listing_match', 'saved_search_match',
         'lead_report_decided')
NEW_KINDS = ('verification_decided', 'verification_expiring')
REJECTIONS = ('unreadable', 'not_genuine', 'name_mismatch', 'facts_mismatch', 'unknown_issuer', 'other')
CARRIED_OVER_DAYS = 365  # a verification granted before this revision had no expiry: it is given a year from then


def _set_notification_kinds(kinds: tuple[str, ...]) -> None:
    allowed = ", ".join(f"'{kind}'" for kind in kinds)
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_constraint(op.f("ck_notifications_notification_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_notifications_notification_kind"), f"kind IN ({allowed})")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _tables() -> None:
    op.create_table(
        'verifications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('kind', _enum('verification_kind', 'business_licence', 'onsite_audit', 'management_system',
                                'product_certificate', 'export_licence'), nullable=False),
        sa.Column('standard', sa.String(80), nullable=False),
        sa.Column('issuer', sa.String(200), nullable=False),
        sa.Column('certificate_number', sa.String(100), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('expires_on', sa.Date(), nullable=False),
        sa.Column('status', _enum('verification_status', 'pending', 'needs_evidence', 'approved', 'rejected'),
                  nullable=False),
        sa.Column('requested_by_user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('rejection_reason', _enum('verification_rejection', *REJECTIONS), nullable=True),
        sa.Column('decision_note', sa.Text(), nullable=False),
        sa.Column('reminders_sent', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                                name=op.f('fk_verifications_organization_id_organizations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requested_by_user_id'], ['users.id'],
                                name=op.f('fk_verifications_requested_by_user_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verifications')),
    )
    op.create_table(
        'verification_files',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('verification_id', sa.Integer(), nullable=False),
        sa.Column('file_key', sa.String(200), nullable=False),
        sa.Column('file_name', sa.String(200), nullable=False),
        sa.Column('content_type', sa.String(40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('public', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['verification_id'], ['verifications.id'],
                                name=op.f('fk_verification_files_verification_id_verifications'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_files')),
    )
    op.create_table(
        'verification_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('verification_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('action', _enum('verification_action', 'requested', 'evidence_added', 'resubmitted', 'approved',
                                  'rejected', 'evidence_requested'), nullable=False),
        sa.Column('reason', _enum('verification_rejection', *REJECTIONS), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['verification_id'], ['verifications.id'],
                                name=op.f('fk_verification_events_verification_id_verifications'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_verification_events_user_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_events')),
    )
    with op.batch_alter_table('verifications') as batch:
        batch.create_index(batch.f('ix_verifications_organization_id'), ['organization_id'], unique=False)
        batch.create_index(batch.f('ix_verifications_status'), ['status'], unique=False)
    with op.batch_alter_table('verification_files') as batch:
        batch.create_index(batch.f('ix_verification_files_verification_id'), ['verification_id'], unique=False)
    with op.batch_alter_table('verification_events') as batch:
        batch.create_index(batch.f('ix_verification_events_verification_id'), ['verification_id'], unique=False)


def _carry_over_granted() -> None:
    """Organisations verified before this revision keep their badge for a year from then, as an approved
    verification that says where it came from."""
    bind = op.get_bind()
    organizations = sa.table('organizations', sa.column('id', sa.Integer()), sa.column('verified_at', sa.DateTime()),
                             sa.column('verification_level', sa.String()), sa.column('verified_until', sa.Date()))
    verifications = sa.table(
        'verifications', *(sa.column(name) for name in (
            'organization_id', 'kind', 'standard', 'issuer', 'certificate_number', 'issued_on', 'expires_on',
            'status', 'created_at', 'updated_at', 'decided_at', 'decision_note', 'reminders_sent')))
    granted = bind.execute(sa.select(organizations.c.id, organizations.c.verified_at)
                           .where(organizations.c.verified_at.is_not(None))).all()
    for organization_id, verified_at in granted:
        moment = verified_at if isinstance(verified_at, datetime) else datetime.fromisoformat(str(verified_at))
        issued: date = moment.date()
        until = issued + timedelta(days=CARRIED_OVER_DAYS)
        bind.execute(verifications.insert().values(
            organization_id=organization_id, kind='business_licence', standard='', issuer='The platform',
            certificate_number='', issued_on=issued, expires_on=until, status='approved', created_at=moment,
            updated_at=moment, decided_at=moment, decision_note='Verified before verification requests existed',
            reminders_sent=0))
        bind.execute(organizations.update().where(organizations.c.id == organization_id)
                     .values(verified_until=until))


def upgrade() -> None:
    _set_notification_kinds((*KINDS, *NEW_KINDS))
    _tables()
    with op.batch_alter_table('organizations') as batch:
        batch.add_column(sa.Column('verified_until', sa.Date(), nullable=True))
    _carry_over_granted()
    with op.batch_alter_table('organizations') as batch:
        batch.drop_column('verified_at')
        batch.drop_column('verification_level')
        batch.drop_column('verification_note')


def downgrade() -> None:
    with op.batch_alter_table('organizations') as batch:
        batch.add_column(sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('verification_level', sa.String(32), nullable=True))
        batch.add_column(sa.Column('verification_note', sa.Text(), nullable=True))
    op.execute("UPDATE organizations SET verified_at = CURRENT_TIMESTAMP WHERE verified_until > CURRENT_DATE")
    with op.batch_alter_table('organizations') as batch:
        batch.drop_column('verified_until')
    op.drop_table('verification_events')
    op.drop_table('verification_files')
    op.drop_table('verifications')
    op.execute("DELETE FROM notifications WHERE kind IN ('verification_decided', 'verification_expiring')")
    _set_notification_kinds(KINDS)
