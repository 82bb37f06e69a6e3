"""Demo verifications, so the badges, the supplier's page and the admins' queue show real data: approved ones (one
expiring within 30 days), one that has expired, a verified buyer, and requests waiting for review. Each names its
organisation by its demo key (app.demo.organizations); days are counted from the day of seeding."""

from dataclasses import dataclass
from typing import Any

from app.models.enums import VerificationStatus


@dataclass(frozen=True)
class DemoVerification:
    organization: str
    status: VerificationStatus
    issued_days_ago: int
    expires_in_days: int  # negative: it has expired (set after approval: a request for an expired one is refused)
    fields: dict[str, Any]
    public_evidence: bool = False


VERIFICATIONS = [
    DemoVerification("brightway", VerificationStatus.APPROVED, 400, 695, {
        "kind": "management_system", "standard": "ISO 9001:2015", "issuer": "TÜV SÜD Management Service GmbH",
        "certificate_number": "12 100 58321 TMS"}, public_evidence=True),
    DemoVerification("brightway", VerificationStatus.APPROVED, 200, 900, {
        "kind": "product_certificate", "standard": "IEC 61215 / IEC 61730", "issuer": "TÜV Rheinland",
        "certificate_number": "PV 50491234"}),
    DemoVerification("anatolia", VerificationStatus.APPROVED, 345, 20, {
        "kind": "business_licence", "issuer": "Istanbul Chamber of Commerce",
        "certificate_number": "TR-ITO-884213"}),
    DemoVerification("coromandel", VerificationStatus.APPROVED, 150, 580, {
        "kind": "onsite_audit", "issuer": "Bureau Veritas Inspection", "certificate_number": "BV-AUD-2026-11873"}),
    DemoVerification("rheinwerk", VerificationStatus.APPROVED, 1100, -5, {
        "kind": "management_system", "standard": "ISO 14001:2015", "issuer": "DEKRA Certification GmbH",
        "certificate_number": "DE-EMS-40317"}),
    DemoVerification("greatlakes", VerificationStatus.APPROVED, 300, 430, {
        "kind": "business_licence", "issuer": "Michigan Department of Licensing and Regulatory Affairs",
        "certificate_number": "LARA-802214577"}),
    DemoVerification("jalisco", VerificationStatus.PENDING, 90, 640, {
        "kind": "export_licence", "issuer": "Secretaría de Economía", "certificate_number": "SE-EXP-2026-0412"}),
    DemoVerification("dhaka", VerificationStatus.PENDING, 30, 335, {
        "kind": "onsite_audit", "issuer": "SGS Bangladesh Ltd", "certificate_number": "SGS-BD-77120"}),
]
