"""Settings read from the environment (prefix TRADELEADS_) or a .env file."""

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAR_DIR = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRADELEADS_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER:PW@HOST/DB; "
                    "unset = the embedded SQLite database tradeleads.db in the var folder",
    )
    secret_key: str = Field(
        default="dev-insecure-change-me",
        description="Signs session cookies and CSRF tokens; set a long random value in production",
    )
    session_max_age_seconds: int = Field(default=14 * 24 * 3600, description="Lifetime of a login session")
    secure_cookies: bool = Field(default=False, description="Mark cookies Secure (behind HTTPS)")
    login_max_failures: int = Field(
        default=5, ge=1, description="Failed logins of one account from one address before each further attempt "
                                     "waits (2 s, then doubling); an address gets four times as many over all accounts"
    )
    login_window_seconds: int = Field(
        default=15 * 60, description="Window for counting failed logins, and the longest wait they can cause"
    )
    password_hash_memory_kib: int = Field(
        default=65536, ge=64, description="Argon2 memory per password hash, in KiB (lower only for a test run)"
    )
    password_hash_iterations: int = Field(
        default=3, ge=1, description="Argon2 passes per password hash (lower only for a test run)"
    )
    request_body_max_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="Largest request body accepted (413 beyond, before it is read)"
    )
    registrations_per_hour: int = Field(default=20, ge=1, description="Sign-ups from one client address per hour")
    trusted_proxies: str = Field(
        default="", description="Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed; "
                                "unset = none (the peer's address is the client's)"
    )
    opensearch_url: str | None = Field(default=None, description="OpenSearch URL; unset = embedded search")
    opensearch_user: str | None = Field(default=None, description="OpenSearch basic-auth user")
    opensearch_password: str | None = Field(default=None, description="OpenSearch basic-auth password")
    opensearch_verify_certs: bool = Field(default=True, description="Verify the OpenSearch TLS certificate")
    opensearch_ca_file: Path | None = Field(default=None, description="CA bundle that signed OpenSearch's cert")
    search_index_prefix: str = Field(default="tradeleads-", description="Prefix of OpenSearch index and alias names")
    search_index_path: Path | None = Field(default=None, description="Embedded index file; default var/search.sqlite3")
    files_dir: Path | None = Field(default=None, description="Folder of uploaded files (images); default var/files")
    image_upload_max_bytes: int = Field(default=8 * 1024 * 1024, ge=1024,
                                        description="Largest image upload accepted (413 beyond)")
    low_lead_quality: int = Field(default=40, ge=0, le=100,
                                  description="RFQs scoring below this lead quality are flagged for review first")
    outbox_max_attempts: int = Field(default=5, ge=1, description="Failed indexing attempts before a row is parked")
    var_dir: Path = Field(default=DEFAULT_VAR_DIR, description="Folder of local data: database, index, e-mails")
    billing_grace_days: int = Field(
        default=7, ge=0, description="Days an unpaid membership invoice may stay open before the plan expires"
    )
    billing_default_provider: str = Field(
        default="manual", pattern="^(manual|card_gateway)$",
        description="Payment provider of new subscriptions when the customer picks none: manual or card_gateway",
    )
    bank_transfer_instructions: str = Field(
        default="Transfer {amount} to tradeleads, IBAN DE00 0000 0000 0000 0000 00, BIC TRADDEFFXXX, "
                "quoting invoice {number}.",
        description="Payment instructions printed on manual (bank transfer) invoices; {amount} and {number} are "
                    "replaced",
    )
    invoice_issuer: str = Field(default="tradeleads", description="Name and address printed as invoice issuer")
    card_webhook_secret: str | None = Field(
        default=None, description="Shared secret of the card gateway's signed webhooks; unset = webhooks refused"
    )
    card_webhook_tolerance_seconds: int = Field(
        default=300, ge=1, description="How far a webhook's signed timestamp may be from now (replay protection)"
    )
    smtp_host: str | None = Field(default=None, description="SMTP server; unset = e-mails are written to var/mail/")
    smtp_port: int = Field(default=587, ge=1, le=65535, description="SMTP server port")
    smtp_user: str | None = Field(default=None, description="SMTP login user; unset = no login")
    smtp_password: str | None = Field(default=None, description="SMTP login password")
    smtp_starttls: bool = Field(default=True, description="Upgrade the SMTP connection with STARTTLS")
    site_url: str = Field(
        default="http://127.0.0.1:8000", pattern=r"^https?://[^/\s]+(/[^\s]*)?$",
        description="The address people open the site at: links in e-mails (invitations, address checks) start with it",
    )
    smtp_from: str = Field(default="tradeleads <no-reply@tradeleads.invalid>", description="Sender of e-mails")
    smtp_timeout_seconds: float = Field(default=10, gt=0, description="SMTP connect and command timeout")
    mail_max_attempts: int = Field(default=5, ge=1, description="Failed sending attempts before an e-mail is parked")
    mail_retry_seconds: int = Field(
        default=60, ge=0, description="Wait before retrying a failed e-mail; doubles with each further failure"
    )
    matching_model: str | None = Field(
        default=None, description="Matching model: v1 (linear), v2 (LambdaRank, the default) or a model file path"
    )
    inquiries_per_hour: int = Field(default=20, ge=1, description="New inquiries one user may send per hour")
    ads_sponsored_slots: int = Field(default=3, ge=0, le=10,
                                     description="Sponsored results above a search's organic ones; 0 = no ads")
    ads_featured_price: Decimal = Field(
        default=Decimal("99"), gt=0, max_digits=12, decimal_places=2,
        description="Price of 30 days as a featured supplier of one HS chapter, in the platform's currency")
    ads_featured_slots: int = Field(
        default=3, ge=0, le=12, description="Featured suppliers shown at once on a chapter's pages and home page")
    ads_relevance_floor: float = Field(
        default=0.3, ge=0, le=1, description="An ad shows only for queries it is at least this relevant to (1 = as "
                                             "relevant as the query's best match), whatever its bid")

    alerts_rfq_top_suppliers: int = Field(
        default=10, ge=0, le=100, description="Best-matched suppliers told of an RFQ when it opens"
    )
    alerts_listing_min_score: float | None = Field(
        default=None, description="A new listing alerts the buyer of an open RFQ when it ranks among that RFQ's "
                                  "top suppliers (alerts_rfq_top_suppliers) and, if set, scores at least this, in "
                                  "the configured matching model's units"
    )
    alerts_max_attempts: int = Field(default=5, ge=1, description="Failed attempts before an alert job is parked")
    webhook_timeout_seconds: float = Field(default=10, gt=0, description="Timeout of one outgoing webhook request")
    webhook_retry_seconds: int = Field(
        default=30, ge=0, description="Wait before retrying a failed webhook delivery; doubles with each failure"
    )
    webhook_retry_max_seconds: int = Field(default=6 * 3600, ge=0, description="Longest wait between two retries")
    webhook_max_failures: int = Field(
        default=8, ge=1, description="Failed deliveries in a row after which a webhook endpoint is disabled"
    )
    webhook_private_destinations: bool = Field(
        default=False, description="Let webhooks go to loopback and private-network addresses (development only)"
    )
    background_in_process: bool | None = Field(
        default=None, description="Run the background work (indexing, alerts, e-mails, webhooks) in the web process, "
                                  "after each commit and on a timer; unset = on with embedded search, off with "
                                  "OpenSearch; false when `tradeleads worker` and `tradeleads mail send` run beside"
    )
    background_interval_seconds: float = Field(
        default=10, gt=0, description="Seconds between two rounds of the in-process timer (retries, work left over)"
    )

    @model_validator(mode="after")
    def embedded_database_in_var_dir(self) -> "Settings":
        """One setting moves all local data: unless a database URL is given, the database lives in var_dir."""
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.var_dir / 'tradeleads.db'}"
        return self

    @property
    def embedded_index_path(self) -> Path:
        return self.search_index_path or self.var_dir / "search.sqlite3"

    @property
    def files_path(self) -> Path:
        return self.files_dir or self.var_dir / "files"


@lru_cache
def get_settings() -> Settings:
    return Settings()
