"""Closed vocabularies of the trade domain, shared by models, schemas and forms."""

from enum import StrEnum


class OrganizationRole(StrEnum):
    SUPPLIER = "supplier"
    BUYER = "buyer"
    BOTH = "both"

    @property
    def sells(self) -> bool:
        return self in (OrganizationRole.SUPPLIER, OrganizationRole.BOTH)

    @property
    def buys(self) -> bool:
        return self in (OrganizationRole.BUYER, OrganizationRole.BOTH)


class BusinessType(StrEnum):
    MANUFACTURER = "manufacturer"
    TRADING_COMPANY = "trading_company"
    AGENT = "agent"
    DISTRIBUTOR = "distributor"
    WHOLESALER = "wholesaler"
    RETAILER = "retailer"
    SERVICE_PROVIDER = "service_provider"
    OTHER = "other"


class EmployeeRange(StrEnum):
    R1_10 = "1-10"
    R11_50 = "11-50"
    R51_200 = "51-200"
    R201_500 = "201-500"
    R501_1000 = "501-1000"
    R1001_PLUS = "1001+"


class MemberRole(StrEnum):
    OWNER = "owner"
    MEMBER = "member"


class Unit(StrEnum):
    PIECE = "piece"
    SET = "set"
    PAIR = "pair"
    DOZEN = "dozen"
    GRAM = "g"
    KILOGRAM = "kg"
    METRIC_TON = "metric_ton"
    LITRE = "litre"
    CUBIC_METRE = "cubic_metre"
    METRE = "metre"
    SQUARE_METRE = "square_metre"
    ROLL = "roll"
    BAG = "bag"
    BOX = "box"
    CARTON = "carton"
    PALLET = "pallet"
    BARREL = "barrel"
    CONTAINER_20FT = "container_20ft"
    CONTAINER_40FT = "container_40ft"


class Incoterm(StrEnum):
    """Incoterms 2020."""

    EXW = "EXW"
    FCA = "FCA"
    FAS = "FAS"
    FOB = "FOB"
    CFR = "CFR"
    CIF = "CIF"
    CPT = "CPT"
    CIP = "CIP"
    DAP = "DAP"
    DPU = "DPU"
    DDP = "DDP"


class ListingStatus(StrEnum):
    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    PUBLISHED = "published"
    REJECTED = "rejected"
    ARCHIVED = "archived"
    # Taken off the market by a plan downgrade; the owner republishes it once the plan allows.
    UNPUBLISHED = "unpublished"


class RfqStatus(StrEnum):
    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    OPEN = "open"
    CLOSED = "closed"
    AWARDED = "awarded"
    EXPIRED = "expired"
    REJECTED = "rejected"


class QuoteStatus(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    AWARDED = "awarded"
    DECLINED = "declined"
    EXPIRED = "expired"
    # Held for moderation (its message has contact details): the buyer does not see it until an admin approves.
    PENDING_REVIEW = "pending_review"
    REJECTED = "rejected"


# A held quote takes its slot in the RFQ's cap and is the supplier's one active quote, as a submitted one does.
UNDECIDED_QUOTE_STATUSES = (QuoteStatus.SUBMITTED, QuoteStatus.PENDING_REVIEW)
# Undecided quotes may still be revised or withdrawn by the supplier, and are declined when the RFQ closes.
ACTIVE_QUOTE_STATUSES = (*UNDECIDED_QUOTE_STATUSES, QuoteStatus.AWARDED)
# What the buyer never sees: quotes held for review or rejected by moderation.
HIDDEN_FROM_BUYER_QUOTE_STATUSES = (QuoteStatus.PENDING_REVIEW, QuoteStatus.REJECTED)


class SampleOffer(StrEnum):
    NONE = "none"
    FREE = "free"
    PAID = "paid"


class OutboxOperation(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class EntityType(StrEnum):
    LISTING = "listing"
    RFQ = "rfq"
    ORGANIZATION = "organization"


class BillingInterval(StrEnum):
    MONTH = "month"
    YEAR = "year"


class SubscriptionStatus(StrEnum):
    # A new paid plan waiting for its first invoice to be paid: it grants nothing until then.
    PENDING_PAYMENT = "pending_payment"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    CANCELED = "canceled"
    EXPIRED = "expired"

    @property
    def grants_tier(self) -> bool:
        return self in LIVE_SUBSCRIPTION_STATUSES


LIVE_SUBSCRIPTION_STATUSES = (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    VOID = "void"


class InvoicePurpose(StrEnum):
    SUBSCRIPTION = "subscription"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"
    AD_TOP_UP = "ad_top_up"  # prepaid advertising credit: the ad balance (a ledger account) gets it once paid
    FEATURED_SUPPLIER = "featured_supplier"  # a featured-supplier placement in an HS chapter, live once paid


PERIOD_INVOICE_PURPOSES = (InvoicePurpose.SUBSCRIPTION, InvoicePurpose.RENEWAL)
# Membership revenue: prepaid ad credit is money held for the advertiser, not revenue, until clicks spend it.
MEMBERSHIP_INVOICE_PURPOSES = (InvoicePurpose.SUBSCRIPTION, InvoicePurpose.RENEWAL, InvoicePurpose.UPGRADE)


class PaymentProviderName(StrEnum):
    MANUAL = "manual"
    CARD_GATEWAY = "card_gateway"


class NotificationKind(StrEnum):
    QUOTE_RECEIVED = "quote_received"
    QUOTE_REVISED = "quote_revised"
    QUOTE_WITHDRAWN = "quote_withdrawn"
    QUOTE_AWARDED = "quote_awarded"
    QUOTE_DECLINED = "quote_declined"
    RFQ_APPROVED = "rfq_approved"
    RFQ_REJECTED = "rfq_rejected"
    RFQ_CLOSED = "rfq_closed"
    RFQ_EXPIRED = "rfq_expired"
    LISTING_APPROVED = "listing_approved"
    LISTING_REJECTED = "listing_rejected"
    QUOTE_REJECTED = "quote_rejected"
    INQUIRY_RECEIVED = "inquiry_received"
    INQUIRY_REPLY = "inquiry_reply"
    RFQ_MATCH = "rfq_match"
    LISTING_MATCH = "listing_match"
    SAVED_SEARCH_MATCH = "saved_search_match"
    LEAD_REPORT_DECIDED = "lead_report_decided"
    VERIFICATION_DECIDED = "verification_decided"
    VERIFICATION_EXPIRING = "verification_expiring"


# The alert kinds an organisation may subscribe a webhook to.
ALERT_KINDS = (NotificationKind.RFQ_MATCH, NotificationKind.LISTING_MATCH, NotificationKind.SAVED_SEARCH_MATCH)


class AlertEvent(StrEnum):
    """What the alerts drain works off: each is written in the transaction of the change that caused it."""

    RFQ_OPENED = "rfq_opened"
    LISTING_PUBLISHED = "listing_published"


class LeadReportReason(StrEnum):
    """Why a supplier who quoted on an RFQ reports it as fake."""

    FAKE_BUYER = "fake_buyer"
    NO_INTENT = "no_intent"
    CONTACT_HARVESTING = "contact_harvesting"
    DUPLICATE = "duplicate"
    OTHER = "other"


class LeadReportStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class VerificationKind(StrEnum):
    BUSINESS_LICENCE = "business_licence"
    ONSITE_AUDIT = "onsite_audit"
    MANAGEMENT_SYSTEM = "management_system"
    PRODUCT_CERTIFICATE = "product_certificate"
    EXPORT_LICENCE = "export_licence"


# Kinds that certify against a named standard (ISO 9001, CE, ...), which the request must give.
STANDARD_KINDS = frozenset({VerificationKind.MANAGEMENT_SYSTEM, VerificationKind.PRODUCT_CERTIFICATE})


class VerificationStatus(StrEnum):
    PENDING = "pending"
    NEEDS_EVIDENCE = "needs_evidence"
    APPROVED = "approved"
    REJECTED = "rejected"


class VerificationRejection(StrEnum):
    UNREADABLE = "unreadable"
    NOT_GENUINE = "not_genuine"
    NAME_MISMATCH = "name_mismatch"
    FACTS_MISMATCH = "facts_mismatch"
    UNKNOWN_ISSUER = "unknown_issuer"
    OTHER = "other"


class VerificationAction(StrEnum):
    REQUESTED = "requested"
    EVIDENCE_ADDED = "evidence_added"
    RESUBMITTED = "resubmitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    EVIDENCE_REQUESTED = "evidence_requested"


class ModerationDecisionKind(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class ModerationReason(StrEnum):
    """Why an admin rejected something; "other" needs a free-text explanation."""

    PROHIBITED_ITEM = "prohibited_item"
    INCOMPLETE = "incomplete"
    MISLEADING = "misleading"
    DUPLICATE = "duplicate"
    CONTACT_DETAILS_IN_TEXT = "contact_details_in_text"
    OTHER = "other"


class KeywordMatch(StrEnum):
    """How an ad keyword matches a query, both normalised as search normalises them (see promotion.keywords)."""

    EXACT = "exact"
    PHRASE = "phrase"
    BROAD = "broad"


class ClickVerdict(StrEnum):
    """Why a click on a sponsored result was charged or not (promotion.clicks)."""

    CHARGED = "charged"
    REPEAT = "repeat"
    BOT = "bot"
    OWN_ORGANIZATION = "own_organization"
    EXPIRED = "expired"
    FORGED = "forged"
    BUDGET_SPENT = "budget_spent"
    BALANCE_TOO_LOW = "balance_too_low"
    CAMPAIGN_STOPPED = "campaign_stopped"
