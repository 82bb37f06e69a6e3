"""lead_reports: suppliers report RFQs they quoted on as fake; admins confirm or dismiss (rfqs.fake_confirmed_at)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 02:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ('quote_received', 'quote_revised', 'quote_withdrawn', 'quote_awarded', 'quote_declined', 'rfq_approved',
         'rfq_rejected', 'rfq_closed', 'rfq_expired', 'listing_approved', 'listing_rejected', 'quote_rejected',
         'inquiry_received', 'inquiry_reply', 'rfq_match', 'listing_match', 'saved_search_match')
DECIDED = 'lead_report_decided'


def _set_notification_kinds(kinds: tuple[str, ...]) -> None:
    """The kind is a string with a CHECK constraint: widening it replaces the constraint (batch mode rebuilds the
    table on SQLite)."""
    allowed = ", ".join(f"'{kind}'" for kind in kinds)
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_constraint(op.f("ck_notifications_notification_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_notifications_notification_kind"), f"kind IN ({allowed})")


def upgrade() -> None:
    _set_notification_kinds((*KINDS, DECIDED))
    with op.batch_alter_table('rfqs') as batch:
        batch.add_column(sa.Column('fake_confirmed_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'lead_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rfq_id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Enum('fake_buyer', 'no_intent', 'contact_harvesting', 'duplicate', 'other',
                                    name='lead_report_reason', native_enum=False, create_constraint=True,
                                    length=32), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('status', sa.Enum('open', 'confirmed', 'dismissed', name='lead_report_status', native_enum=False,
                                    create_constraint=True, length=32), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_user_id', sa.Integer(), nullable=True),
        sa.Column('decision_note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['rfq_id'], ['rfqs.id'], name=op.f('fk_lead_reports_rfq_id_rfqs'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                                name=op.f('fk_lead_reports_organization_id_organizations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_lead_reports_user_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['decided_by_user_id'], ['users.id'],
                                name=op.f('fk_lead_reports_decided_by_user_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_reports')),
        sa.UniqueConstraint('rfq_id', 'organization_id', name=op.f('uq_lead_reports_rfq_id_organization_id')),
    )
    with op.batch_alter_table('lead_reports') as batch:
        batch.create_index(batch.f('ix_lead_reports_rfq_id'), ['rfq_id'], unique=False)
        batch.create_index(batch.f('ix_lead_reports_status'), ['status'], unique=False)


def downgrade() -> None:
    op.drop_table('lead_reports')
    with op.batch_alter_table('rfqs') as batch:
        batch.drop_column('fake_confirmed_at')
    op.execute(f"DELETE FROM notifications WHERE kind = '{DECIDED}'")
    _set_notification_kinds(KINDS)
