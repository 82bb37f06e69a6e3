from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import VerificationAction, VerificationKind, VerificationRejection, VerificationStatus


class Verification(Base):
    """An organisation's request to have one fact checked (a licence, an audit, a certificate), with its facts as
    the certificate states them and the admin's decision. Approved and not expired, it gives a badge
    (trust.verification)."""

    __tablename__ = "verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[VerificationKind] = mapped_column(str_enum(VerificationKind, "verification_kind"))
    standard: Mapped[str] = mapped_column(String(80), default="")
    issuer: Mapped[str] = mapped_column(String(200))
    certificate_number: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date]
    expires_on: Mapped[date]
    status: Mapped[VerificationStatus] = mapped_column(str_enum(VerificationStatus, "verification_status"),
                                                      default=VerificationStatus.PENDING, index=True)
    requested_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    rejection_reason: Mapped[VerificationRejection | None] = mapped_column(
        str_enum(VerificationRejection, "verification_rejection"))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    reminders_sent: Mapped[int] = mapped_column(default=0)


class VerificationFile(Base):
    """Evidence for a verification (PDF, JPEG, PNG or WebP, told by content), in the file store under its key. Seen by
    the owning organisation and admins; by anyone when the owner marks it public."""

    __tablename__ = "verification_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    verification_id: Mapped[int] = mapped_column(ForeignKey("verifications.id", ondelete="CASCADE"), index=True)
    file_key: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    public: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class VerificationEvent(Base):
    """One step in a verification's history, with who took it and when: the log of every decision."""

    __tablename__ = "verification_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    verification_id: Mapped[int] = mapped_column(ForeignKey("verifications.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[VerificationAction] = mapped_column(str_enum(VerificationAction, "verification_action"))
    reason: Mapped[VerificationRejection | None] = mapped_column(
        str_enum(VerificationRejection, "verification_rejection"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
