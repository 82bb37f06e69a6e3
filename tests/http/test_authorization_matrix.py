"""Who may call what: the authorisation matrix, generated from the route table. Every route the app mounts has an
entry saying what each role gets (anonymous, a stranger on each tier, a member and the owner of the organisation
whose object the URL names, a platform admin); a route without an entry fails, so a new route cannot ship without
someone deciding who may call it.

A request passes authorisation ("ok") when it gets anything but 401, 403, 404 or a page's redirect to the login:
writes are sent with an empty body, so an allowed caller mostly hears 422 (the permission is checked before the
body) and the stored data stays as it was. Pages are asked with a valid CSRF token, so a refusal is about who asks."""

import re

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.main import ROUTERS
from tests.http.authz_world import ROLES, World, build_world

PARAMETER = re.compile(r"{([a-z_]+)}")
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
OK, LOGIN = "ok", "login"
REMOVING = ("/delete", "/remove", "/withdraw")  # pages' removals (the API's are DELETE)


def routes() -> list[str]:
    """'METHOD /path' of every route of every router the app mounts (each a route of its own: a router included
    into another would hide its routes from this table, so there is none)."""
    mounted = [route for mount in ROUTERS for route in mount.router.routes]
    assert all(isinstance(route, APIRoute) for route in mounted), "a mounted router includes another: flatten it"
    return [f"{method} {route.path_format}" for route in mounted if isinstance(route, APIRoute)
            for method in sorted(route.methods)]



def row(anonymous: str, stranger: str, member: str, owner: str, admin: str) -> dict[str, str]:
    """What each role gets; the stranger's answer holds for a stranger on every tier (Free, Silver, Gold): no paid
    plan opens another organisation's data."""
    return dict(zip(ROLES, (anonymous, stranger, stranger, stranger, member, owner, admin), strict=True))


ANONYMOUS, NOT_FOUND, NOT_A_MEMBER = "401 not_authenticated", "404 not_found", "403 not_a_member"
PUBLIC = row(OK, OK, OK, OK, OK)
SIGNED_IN = row(ANONYMOUS, OK, OK, OK, OK)  # the caller's own things (or a new one)
ORGANIZATION = row(ANONYMOUS, NOT_FOUND, OK, OK, OK)  # the organisation's, and admins'; nobody else's to know of
ORGANIZATION_PUBLIC = row(ANONYMOUS, NOT_A_MEMBER, OK, OK, OK)  # a public object, changed by its organisation
ORGANIZATION_ONLY = row(ANONYMOUS, NOT_FOUND, OK, OK, NOT_FOUND)  # private to the organisation, admins included
USER_ONLY = row(ANONYMOUS, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND)  # the user's own, not even the organisation's
OWNER_ONLY = row(ANONYMOUS, OK, "403 owner_only", OK, OK)  # on the caller's organisation, by its owner
ADMIN = row(ANONYMOUS, "403 admin_only", "403 admin_only", "403 admin_only", OK)
DRAFT = row(NOT_FOUND, NOT_FOUND, OK, OK, OK)  # an unpublished listing exists for its organisation and admins
QUOTE_CHANGE = row(ANONYMOUS, NOT_FOUND, OK, OK, NOT_A_MEMBER)  # the supplier's offer: admins read, never change
RATING = row(ANONYMOUS, NOT_FOUND, NOT_A_MEMBER, NOT_A_MEMBER, NOT_A_MEMBER)  # by the RFQ's buyer only
PAGE_PUBLIC = row(OK, OK, OK, OK, OK)
PAGE_SIGNED_IN = row(LOGIN, OK, OK, OK, OK)
PAGE_ORGANIZATION = row(LOGIN, "404", OK, OK, OK)
PAGE_ORGANIZATION_PUBLIC = row(LOGIN, "403", OK, OK, OK)
PAGE_ORGANIZATION_ONLY = row(LOGIN, "404", OK, OK, "404")
PAGE_USER_ONLY = row(LOGIN, "404", "404", OK, "404")
PAGE_OWNER_ONLY = row(LOGIN, OK, "403", OK, OK)
PAGE_ADMIN = row(LOGIN, "403", "403", "403", OK)
PAGE_QUOTE_CHANGE = row(LOGIN, "404", OK, OK, "403")
TEAM = row(ANONYMOUS, NOT_FOUND, "403 owner_only", OK, NOT_FOUND)  # the organisation's people: its owners decide
PAGE_TEAM = row(LOGIN, "404", "403", OK, "404")
FROZEN_ATTACHMENTS = row(ANONYMOUS, NOT_A_MEMBER, *["403 not_editable"] * 3)  # the world's RFQ is open
# The world's listing is under review by the time its pages are asked (the API submitted it): its text is frozen for
# everyone; a stranger still learns nothing of it. Who may change it while it is editable: the API's rows.
PAGE_FROZEN_LISTING = row(LOGIN, "404", "403", "403", "403")

MATRIX: dict[str, dict[str, str]] = {
    "GET /api/v1/search/listings": PUBLIC,
    "GET /api/v1/search/suppliers": PUBLIC,
    "GET /api/v1/search/rfqs": PUBLIC,
    "GET /api/v1/search/suggest": PUBLIC,
    "GET /api/v1/categories": PUBLIC,
    "GET /api/v1/categories/{category}": PUBLIC,
    "POST /api/v1/auth/register": PUBLIC,
    "POST /api/v1/auth/login": PUBLIC,
    "POST /api/v1/auth/logout": PUBLIC,
    "POST /api/v1/auth/logout-everywhere": SIGNED_IN,
    "GET /api/v1/me": SIGNED_IN,
    "PATCH /api/v1/me": SIGNED_IN,
    "POST /api/v1/me/password": SIGNED_IN,
    "GET /api/v1/me/tokens": SIGNED_IN,
    "POST /api/v1/me/tokens": SIGNED_IN,
    "DELETE /api/v1/me/tokens/{token_id}": USER_ONLY,
    "GET /api/v1/organizations/{slug}": PUBLIC,
    "GET /api/v1/suppliers/{slug}": PUBLIC,
    "PATCH /api/v1/organizations/{slug}": ORGANIZATION_PUBLIC,
    "GET /api/v1/listings": PUBLIC,
    "POST /api/v1/listings": SIGNED_IN,
    "GET /api/v1/listings/{listing_id}": DRAFT,
    "PATCH /api/v1/listings/{listing_id}": ORGANIZATION,
    "GET /api/v1/listings/{listing_id}/images": DRAFT,
    "POST /api/v1/listings/{listing_id}/images": ORGANIZATION,
    "DELETE /api/v1/listings/{listing_id}/images/{image_id}": ORGANIZATION,
    "PUT /api/v1/listings/{listing_id}/translations/{language}": ORGANIZATION,
    "DELETE /api/v1/listings/{listing_id}/translations/{language}": ORGANIZATION,
    "GET /files/listings/{listing_id}/images/{image_id}/{variant}": row("404", "404", OK, OK, OK),
    "POST /api/v1/listings/{listing_id}/submit": ORGANIZATION,
    "POST /api/v1/listings/{listing_id}/publish": ADMIN,
    "POST /api/v1/listings/{listing_id}/republish": ORGANIZATION_PUBLIC,
    "POST /api/v1/listings/{listing_id}/reject": ADMIN,
    "POST /api/v1/listings/{listing_id}/archive": ORGANIZATION_PUBLIC,
    "GET /api/v1/rfqs": PUBLIC,
    "POST /api/v1/rfqs": SIGNED_IN,
    "GET /api/v1/rfqs/{rfq_id}": PUBLIC,
    # An open RFQ is no longer edited by anyone: its organisation passes the permission, then meets the state.
    "PATCH /api/v1/rfqs/{rfq_id}": row(ANONYMOUS, NOT_A_MEMBER, *["403 not_editable"] * 3),
    "POST /api/v1/rfqs/{rfq_id}/submit": ORGANIZATION_PUBLIC,
    "POST /api/v1/rfqs/{rfq_id}/approve": ADMIN,
    "POST /api/v1/rfqs/{rfq_id}/reject": ADMIN,
    "GET /api/v1/billing/plans": PUBLIC,
    "GET /api/v1/billing/plan-limits": PUBLIC,
    "PATCH /api/v1/billing/plans/{code}": ADMIN,
    "GET /api/v1/billing/membership": SIGNED_IN,
    "POST /api/v1/billing/subscription": OWNER_ONLY,
    "POST /api/v1/billing/subscription/change": OWNER_ONLY,
    "POST /api/v1/billing/subscription/cancel": OWNER_ONLY,
    "GET /api/v1/billing/invoices": SIGNED_IN,
    "GET /api/v1/billing/invoices/{invoice_id}": ORGANIZATION,
    "POST /api/v1/billing/invoices/{invoice_id}/mark-paid": ADMIN,
    "POST /api/v1/billing/invoices/{invoice_id}/void": ADMIN,
    # The gateway signs its events (tests/billing/test_webhooks.py); with no secret configured nobody gets in.
    "POST /api/v1/billing/webhooks/card-gateway": row(*["503 provider_not_configured"] * 5),
    "GET /api/v1/billing/admin/subscriptions": ADMIN,
    "GET /api/v1/billing/admin/refunds-due": ADMIN,
    "POST /api/v1/billing/admin/refunds-due/{refund_id}/refunded": ADMIN,
    "GET /api/v1/billing/admin/revenue": ADMIN,
    "GET /api/v1/rfqs/{rfq_id}/matches": ORGANIZATION_PUBLIC,
    "GET /api/v1/leads": SIGNED_IN,
    "GET /api/v1/quotes": SIGNED_IN,
    "GET /api/v1/hs/suggest": PUBLIC,
    "POST /api/v1/saved-searches": SIGNED_IN,
    "GET /api/v1/saved-searches": SIGNED_IN,
    "DELETE /api/v1/saved-searches/{search_id}": ORGANIZATION_ONLY,
    "POST /api/v1/webhooks": SIGNED_IN,
    "GET /api/v1/webhooks": SIGNED_IN,
    "DELETE /api/v1/webhooks/{endpoint_id}": ORGANIZATION_ONLY,
    "GET /api/v1/webhooks/{endpoint_id}/deliveries": ORGANIZATION_ONLY,
    "GET /api/v1/notifications": SIGNED_IN,
    "GET /api/v1/notifications/unread-count": SIGNED_IN,
    "POST /api/v1/notifications/read-all": SIGNED_IN,
    "POST /api/v1/notifications/{notification_id}/read": USER_ONLY,
    # An inquiry is about another organisation's listing; an admin passes, then meets the draft's state (409).
    "POST /api/v1/listings/{listing_id}/inquiries": row(ANONYMOUS, NOT_FOUND, "403 own_listing", "403 own_listing", OK),
    "GET /api/v1/inquiries": SIGNED_IN,
    "GET /api/v1/inquiries/unread-count": SIGNED_IN,
    "GET /api/v1/inquiries/{inquiry_id}": ORGANIZATION,
    # Admins read a thread (abuse reports) but do not speak in it.
    "POST /api/v1/inquiries/{inquiry_id}/messages": row(ANONYMOUS, NOT_FOUND, OK, OK, "403 not_a_participant"),
    "GET /api/v1/admin/moderation": ADMIN,
    "GET /api/v1/admin/moderation/reasons": ADMIN,
    "GET /api/v1/admin/moderation/decisions": ADMIN,
    "POST /api/v1/admin/moderation/{entity_type}/{entity_id}/approve": ADMIN,
    "POST /api/v1/admin/moderation/{entity_type}/{entity_id}/reject": ADMIN,
    "GET /api/v1/admin/stats": ADMIN,
    "GET /api/v1/admin/organizations": ADMIN,
    "GET /api/v1/admin/organizations/{slug}": ADMIN,
    "POST /api/v1/admin/organizations/{slug}/suspend": ADMIN,
    "POST /api/v1/admin/organizations/{slug}/reactivate": ADMIN,
    "POST /api/v1/admin/users/{user_id}/suspend": ADMIN,
    "POST /api/v1/admin/users/{user_id}/reactivate": ADMIN,
    "POST /api/v1/auth/confirm-email": PUBLIC,  # the signed link is the permission
    "POST /api/v1/me/email-confirmation": SIGNED_IN,
    "GET /api/v1/team": SIGNED_IN,  # the caller's own organisation
    "POST /api/v1/team/invitations": SIGNED_IN,  # an empty body is refused (422) before the owner check
    "POST /api/v1/team/invitations/{invitation_id}/resend": TEAM,
    "DELETE /api/v1/team/invitations/{invitation_id}": TEAM,
    "PATCH /api/v1/team/members/{user_id}": TEAM,
    "DELETE /api/v1/team/members/{user_id}": TEAM,
    "GET /api/v1/invitations/{token}": PUBLIC,
    "POST /api/v1/invitations/accept": PUBLIC,
    "PUT /api/v1/organizations/{slug}/logo": ORGANIZATION_PUBLIC,
    "DELETE /api/v1/organizations/{slug}/logo": ORGANIZATION_PUBLIC,
    "GET /files/organizations/{slug}/logo": PUBLIC,
    "POST /api/v1/listing-imports": SIGNED_IN,
    "GET /api/v1/listing-imports": SIGNED_IN,
    "GET /api/v1/listing-imports/{import_id}": ORGANIZATION_ONLY,
    "GET /api/v1/rfqs/{rfq_id}/attachments": PUBLIC,  # the list is empty for who may not read the whole RFQ
    "POST /api/v1/rfqs/{rfq_id}/attachments": FROZEN_ATTACHMENTS,
    "DELETE /api/v1/rfqs/{rfq_id}/attachments/{attachment_id}": FROZEN_ATTACHMENTS,
    # Suppliers (strangers here sell too) open the lead to read the file; anonymous visitors do not.
    "GET /files/rfqs/{rfq_id}/attachments/{attachment_id}": row("404", OK, OK, OK, OK),
    "POST /api/v1/rfqs/{rfq_id}/quotes": SIGNED_IN,
    "GET /api/v1/rfqs/{rfq_id}/quotes": SIGNED_IN,  # each supplier sees its own quotes, the buyer all of them
    "GET /api/v1/rfqs/{rfq_id}/comparison": ORGANIZATION_PUBLIC,
    "POST /api/v1/rfqs/{rfq_id}/award": ORGANIZATION_PUBLIC,
    "POST /api/v1/rfqs/{rfq_id}/close": ORGANIZATION_PUBLIC,
    "GET /api/v1/quotes/{quote_id}": ORGANIZATION,
    "PATCH /api/v1/quotes/{quote_id}": QUOTE_CHANGE,
    "POST /api/v1/quotes/{quote_id}/withdraw": QUOTE_CHANGE,
    "GET /api/v1/quotes/{quote_id}/revisions": ORGANIZATION,
    "POST /api/v1/quotes/{quote_id}/rating": RATING,
    "POST /api/v1/admin/fx-rates": ADMIN,
    "GET /healthz": PUBLIC,
    "GET /readyz": PUBLIC,
    "GET /metrics": ADMIN,
    "GET /": PAGE_PUBLIC,
    "GET /terms": PAGE_PUBLIC,
    "GET /preferences/currency": PAGE_PUBLIC,
    "POST /preferences/language": PAGE_PUBLIC,
    "GET /register": PAGE_PUBLIC,
    "POST /register": PAGE_PUBLIC,
    "GET /login": PAGE_PUBLIC,
    "POST /login": PAGE_PUBLIC,
    "POST /logout": PAGE_PUBLIC,
    "GET /account": PAGE_SIGNED_IN,
    # Signed in or not, the caller ends up at the login: anonymous callers first have to log in, the others are
    # logged out everywhere (tests/accounts/test_sessions.py checks that they are).
    "POST /account/logout-everywhere": row(*[LOGIN] * 5),
    "GET /account/company": PAGE_SIGNED_IN,  # the caller's own organisation, whichever that is
    "POST /account/company": PAGE_SIGNED_IN,
    "GET /account/password": PAGE_SIGNED_IN,
    "POST /account/password": PAGE_SIGNED_IN,
    "GET /account/tokens": PAGE_SIGNED_IN,
    "POST /account/tokens": PAGE_SIGNED_IN,
    "POST /account/tokens/{token_id}/revoke": PAGE_USER_ONLY,  # the owner's token: not even their organisation's
    "GET /listings/{item_id}": row("404", "404", OK, OK, OK),
    "GET /my/listings": PAGE_SIGNED_IN,
    "GET /my/rfqs/completeness": PAGE_SIGNED_IN,
    "POST /my/listings": PAGE_SIGNED_IN,
    "POST /my/listings/{item_id}/{action}": PAGE_ORGANIZATION,
    "POST /my/listings/{item_id}/images": PAGE_ORGANIZATION,
    # Each ticked item is its own request: another organisation's is reported "not found" on the caller's page.
    "POST /my/listings/bulk": PAGE_SIGNED_IN,
    "GET /rfqs/{item_id}": PAGE_PUBLIC,
    "GET /my/rfqs": PAGE_SIGNED_IN,
    "POST /my/rfqs": PAGE_SIGNED_IN,
    "POST /my/rfqs/{item_id}/{action}": PAGE_ORGANIZATION_PUBLIC,
    "POST /my/rfqs/bulk": PAGE_SIGNED_IN,
    "POST /my/listings/{item_id}/images/{image_id}/delete": PAGE_ORGANIZATION,
    "POST /my/listings/{item_id}/translations": PAGE_FROZEN_LISTING,
    "POST /my/listings/{item_id}/translations/{language}/delete": PAGE_FROZEN_LISTING,
    "GET /search": PAGE_PUBLIC,
    "GET /suppliers": PAGE_PUBLIC,
    "GET /suppliers/{slug}": PAGE_PUBLIC,
    "GET /rfqs": PAGE_PUBLIC,
    "GET /categories": PAGE_PUBLIC,
    "GET /categories/{category}": PAGE_PUBLIC,
    "GET /plans": PAGE_PUBLIC,
    "GET /billing": PAGE_SIGNED_IN,
    "POST /billing/subscribe": PAGE_OWNER_ONLY,
    "POST /billing/change": PAGE_OWNER_ONLY,
    "POST /billing/cancel": PAGE_OWNER_ONLY,
    "GET /billing/invoices/{invoice_id}": PAGE_ORGANIZATION,
    "GET /admin/billing": PAGE_ADMIN,
    "POST /admin/billing/refunds-due/{refund_id}/refunded": PAGE_ADMIN,
    "GET /rfqs/{rfq_id}/matches": PAGE_ORGANIZATION_PUBLIC,
    "GET /leads": PAGE_SIGNED_IN,
    "GET /my/quotes": PAGE_SIGNED_IN,
    "GET /hs": PAGE_PUBLIC,
    "GET /saved-searches": PAGE_SIGNED_IN,
    "POST /saved-searches": PAGE_SIGNED_IN,
    "POST /saved-searches/{search_id}/delete": PAGE_ORGANIZATION_ONLY,
    "GET /webhooks": PAGE_SIGNED_IN,
    "POST /webhooks": PAGE_SIGNED_IN,
    "POST /webhooks/{endpoint_id}/delete": PAGE_ORGANIZATION_ONLY,
    "POST /rfqs/{rfq_id}/quotes": PAGE_SIGNED_IN,
    "POST /quotes/{quote_id}/revise": PAGE_QUOTE_CHANGE,
    "POST /quotes/{quote_id}/withdraw": PAGE_QUOTE_CHANGE,
    "POST /rfqs/{rfq_id}/award": PAGE_ORGANIZATION_PUBLIC,
    "POST /quotes/{quote_id}/rating": row(LOGIN, "404", "403", "403", "403"),
    "GET /rfqs/{rfq_id}/comparison": PAGE_ORGANIZATION_PUBLIC,
    "GET /notifications": PAGE_SIGNED_IN,
    "POST /notifications/read-all": PAGE_SIGNED_IN,
    "POST /notifications/{notification_id}/read": PAGE_USER_ONLY,
    "GET /inquiries": PAGE_SIGNED_IN,
    "GET /inquiries/{inquiry_id}": PAGE_ORGANIZATION,
    "POST /inquiries/{inquiry_id}/messages": row(LOGIN, "404", OK, OK, "403"),
    "POST /listings/{listing_id}/inquiries": row(LOGIN, "404", "403", "403", OK),
    "GET /admin/moderation": PAGE_ADMIN,
    "POST /admin/moderation/{entity_type}/{entity_id}/{decision}": PAGE_ADMIN,
    "GET /admin": PAGE_ADMIN,
    "GET /admin/organizations": PAGE_ADMIN,
    "GET /admin/plans": PAGE_ADMIN,
    "GET /admin/plans/{code}": PAGE_ADMIN,
    "POST /admin/plans/{code}": PAGE_ADMIN,
    "GET /admin/invoices": PAGE_ADMIN,
    "POST /admin/invoices/{invoice_id}/mark-paid": PAGE_ADMIN,
    "POST /admin/invoices/{invoice_id}/void": PAGE_ADMIN,
    "GET /admin/organizations/{slug}": PAGE_ADMIN,
    "POST /admin/organizations/{slug}/suspend": PAGE_ADMIN,
    "POST /admin/organizations/{slug}/reactivate": PAGE_ADMIN,
    "POST /admin/organizations/{slug}/users/{user_id}/suspend": PAGE_ADMIN,
    "POST /admin/organizations/{slug}/users/{user_id}/reactivate": PAGE_ADMIN,
    "POST /account/confirm-email": PAGE_SIGNED_IN,
    "GET /account/confirm-email/{confirmation}": PAGE_PUBLIC,  # opened from the e-mail, on any device
    "GET /account/team": PAGE_SIGNED_IN,
    "POST /account/team/invitations": PAGE_SIGNED_IN,
    "POST /account/team/invitations/{invitation_id}/resend": PAGE_TEAM,
    "POST /account/team/invitations/{invitation_id}/withdraw": PAGE_TEAM,
    "POST /account/team/members/{user_id}/role": PAGE_TEAM,
    "POST /account/team/members/{user_id}/remove": PAGE_TEAM,
    "GET /invitations/{token}": PAGE_PUBLIC,
    "POST /invitations/{token}": PAGE_PUBLIC,
    "POST /account/company/logo": PAGE_SIGNED_IN,
    "POST /account/company/logo/delete": PAGE_SIGNED_IN,
    "GET /my/listings/import": PAGE_SIGNED_IN,
    "POST /my/listings/import": PAGE_SIGNED_IN,
    "GET /my/listings/import/{import_id}": PAGE_ORGANIZATION_ONLY,
    "POST /rfqs/{rfq_id}/attachments": row(LOGIN, *["403"] * 4),
    "POST /rfqs/{rfq_id}/attachments/{attachment_id}/delete": row(LOGIN, *["403"] * 4),
    # Only a supplier that quoted on the RFQ may report it; nobody of the world quoted on the owner's RFQ but the
    # counterpart (no role here).
    "POST /api/v1/leads/{rfq_id}/report": row(ANONYMOUS, *["403 not_a_quoting_supplier"] * 4),
    "GET /rfqs/{rfq_id}/report": PAGE_SIGNED_IN,  # the page says who may report
    "POST /rfqs/{rfq_id}/report": row(LOGIN, *["403"] * 4),
    "GET /api/v1/admin/lead-reports": ADMIN,
    "POST /api/v1/admin/lead-reports/{report_id}/confirm": ADMIN,
    "POST /api/v1/admin/lead-reports/{report_id}/dismiss": ADMIN,
    "GET /admin/lead-reports": PAGE_ADMIN,
    "POST /admin/lead-reports/{report_id}/confirm": PAGE_ADMIN,
    "POST /admin/lead-reports/{report_id}/dismiss": PAGE_ADMIN,
    # Verifications: the organisation's own, decided by admins; evidence comes from the organisation only.
    "GET /api/v1/verifications": SIGNED_IN,
    "POST /api/v1/verifications": SIGNED_IN,
    "GET /api/v1/verifications/{verification_id}": ORGANIZATION,
    "POST /api/v1/verifications/{verification_id}/files": row(ANONYMOUS, NOT_FOUND, OK, OK, "403 not_the_owner"),
    "PATCH /api/v1/verifications/{verification_id}/files/{file_id}": row(ANONYMOUS, NOT_FOUND, OK, OK,
                                                                         "403 not_the_owner"),
    "POST /api/v1/verifications/{verification_id}/resubmit": ORGANIZATION,
    "GET /api/v1/admin/verifications": ADMIN,
    "POST /api/v1/admin/verifications/{verification_id}/approve": ADMIN,
    "POST /api/v1/admin/verifications/{verification_id}/reject": ADMIN,
    "POST /api/v1/admin/verifications/{verification_id}/request-evidence": ADMIN,
    "GET /files/verifications/{verification_id}/{file_id}": row("404", "404", OK, OK, OK),  # a private file
    "GET /verifications": PAGE_SIGNED_IN,
    "GET /verifications/new": PAGE_SIGNED_IN,
    "POST /verifications": PAGE_SIGNED_IN,
    "GET /verifications/{verification_id}": PAGE_ORGANIZATION,
    "POST /verifications/{verification_id}/files": PAGE_QUOTE_CHANGE,
    "POST /verifications/{verification_id}/files/{file_id}/visibility": PAGE_QUOTE_CHANGE,
    "POST /verifications/{verification_id}/resubmit": PAGE_ORGANIZATION,
    "GET /admin/verifications": PAGE_ADMIN,
    "POST /admin/verifications/{verification_id}/approve": PAGE_ADMIN,
    "POST /admin/verifications/{verification_id}/reject": PAGE_ADMIN,
    "POST /admin/verifications/{verification_id}/request-evidence": PAGE_ADMIN,
    # A showcase is the caller's own; the world's listing is in nobody's, so removing it is a 404 for everyone (who
    # may remove a pick: tests/showcase).
    "GET /api/v1/showcase": SIGNED_IN,
    "POST /api/v1/showcase": SIGNED_IN,
    "DELETE /api/v1/showcase/{listing_id}": row(ANONYMOUS, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "GET /my/showcase": PAGE_SIGNED_IN,
    "POST /my/showcase": PAGE_SIGNED_IN,
    "POST /my/showcase/{listing_id}/remove": row(LOGIN, "404", "404", "404", "404"),
    "GET /how-ranking-works": PAGE_PUBLIC,
    "GET /api/v1/ads/balance": SIGNED_IN,
    "POST /api/v1/ads/top-ups": SIGNED_IN,  # the caller's own; who may buy (owner, plan): tests/ads
    "POST /api/v1/admin/ads/adjustments": ADMIN,
    "GET /my/ads": PAGE_SIGNED_IN,
    "POST /my/ads/top-ups": PAGE_SIGNED_IN,
    "POST /admin/organizations/{slug}/ad-adjustments": PAGE_ADMIN,
    # Campaigns are the organisation's own, not even admins see them (who may start one: tests/ads).
    "GET /api/v1/ads/campaigns": SIGNED_IN,
    "POST /api/v1/ads/campaigns": SIGNED_IN,
    "GET /api/v1/ads/campaigns/{campaign_id}": ORGANIZATION_ONLY,
    "PATCH /api/v1/ads/campaigns/{campaign_id}": ORGANIZATION_ONLY,
    "GET /api/v1/ads/campaigns/{campaign_id}/clicks": ORGANIZATION_ONLY,
    "GET /my/ads/campaigns/new": PAGE_SIGNED_IN,
    "POST /my/ads/campaigns": PAGE_SIGNED_IN,
    "GET /my/ads/campaigns/{campaign_id}": PAGE_ORGANIZATION_ONLY,
    "POST /my/ads/campaigns/{campaign_id}": PAGE_ORGANIZATION_ONLY,
    "GET /api/v1/ads/reports": SIGNED_IN,
    "GET /api/v1/ads/reports.csv": SIGNED_IN,
    "GET /api/v1/admin/ads/report": ADMIN,
    "GET /admin/ads": PAGE_ADMIN,
    "GET /api/v1/ads/estimate": SIGNED_IN,
    "GET /api/v1/ads/featured": SIGNED_IN,
    "POST /api/v1/ads/featured": SIGNED_IN,  # the caller's own; who may buy (owner, a chapter it sells in): tests/ads
    "POST /my/ads/featured": PAGE_SIGNED_IN,
    "GET /my/ads/estimate": PAGE_SIGNED_IN,
    # A sponsored result's link: anyone may follow one; a forged one leads nowhere.
    "GET /c/{token}": row("404", "404", "404", "404", "404"),
}

# Writes whose permission depends on the object are sent a valid body: an empty one would be refused (422) before
# anyone looked at who asks. {name} is a value of the world.
BODIES = {
    "PATCH /api/v1/verifications/{verification_id}/files/{file_id}": {"public": "false"},  # the file stays private
    "POST /api/v1/admin/verifications/{verification_id}/reject": {"reason": "unreadable"},
    "POST /api/v1/admin/verifications/{verification_id}/request-evidence": {"note": "The licence's second page"},
    "POST /api/v1/rfqs/{rfq_id}/award": {"quote_id": "{their_quote_id}"},
    "POST /rfqs/{rfq_id}/award": {"quote_id": "{their_quote_id}"},
    "POST /api/v1/listings/{listing_id}/inquiries": {"message": "Price for 5,000 pieces?"},
    "POST /listings/{listing_id}/inquiries": {"message": "Price for 5,000 pieces?"},
    "POST /api/v1/inquiries/{inquiry_id}/messages": {"message": "And to Hamburg?"},
    "POST /inquiries/{inquiry_id}/messages": {"message": "And to Hamburg?"},
    "POST /api/v1/quotes/{quote_id}/rating": {"score": "5"},
    "POST /quotes/{quote_id}/rating": {"score": "5"},
    "POST /api/v1/billing/subscription": {"tier": "silver"},
    "POST /billing/subscribe": {"tier": "silver"},
    "POST /api/v1/billing/subscription/change": {"tier": "silver"},
    "POST /billing/change": {"tier": "silver"},
    "POST /my/listings/bulk": {"action": "submit", "ids": "{listing_id}"},
    "POST /my/rfqs/bulk": {"action": "submit", "ids": "{rfq_id}"},
    "PATCH /api/v1/team/members/{user_id}": {"member_role": "member"},
    "POST /account/team/members/{user_id}/role": {"member_role": "member"},
    "POST /api/v1/leads/{rfq_id}/report": {"reason": "fake_buyer"},
    "PUT /api/v1/listings/{listing_id}/translations/{language}": {"title": "Válvulas de bola"},
    "POST /my/listings/{item_id}/translations": {"language": "es", "title": "Válvulas de bola"},
    "POST /rfqs/{rfq_id}/report": {"reason": "fake_buyer"},
}


def outcome(response: httpx.Response) -> str:
    """"ok", "login" (a page sending the caller to log in), or the refusal: its status, and on the API its code."""
    if response.is_redirect and response.headers["location"].startswith("/login"):
        return LOGIN
    if response.status_code in (401, 403, 404) or response.status_code >= 500:
        problem = "problem+json" in response.headers.get("content-type", "")
        return f"{response.status_code} {response.json()['code']}" if problem else str(response.status_code)
    return OK


async def _csrf(client: httpx.AsyncClient, signed_in: bool) -> str:
    page = await client.get("/account" if signed_in else "/login")
    found = CSRF_INPUT.search(page.text)
    assert found, f"no CSRF token on {page.url}"
    return found.group(1)


async def _ask(world: World, role: str, route: str) -> str:
    method, path = route.split(" ", 1)
    url = PARAMETER.sub(lambda match: world.values[match.group(1)], path)
    body = {name: value.format(**world.values) for name, value in BODIES.get(route, {}).items()}
    answer = await _request(world.clients[role], role, method, url, body)
    if answer == OK and (method == "DELETE" or path.endswith(REMOVING)):  # the next role asks about one that exists
        for name in set(PARAMETER.findall(path)) & set(world.fresh):
            world.values[name] = await world.fresh[name]()
    return answer


async def _request(client: httpx.AsyncClient, role: str, method: str, url: str, body: dict[str, str]) -> str:
    if method in ("GET", "DELETE"):
        return outcome(await client.request(method, url))
    if url.startswith("/api/"):
        numbers = {name: int(value) if value.isdigit() else value for name, value in body.items()}
        return outcome(await client.request(method, url, json=numbers))
    token = await _csrf(client, role != "anonymous")
    return outcome(await client.request(method, url, data={**body, "csrf_token": token}))


async def observed(app: FastAPI, anonymous: httpx.AsyncClient) -> dict[str, dict[str, str]]:
    world = await build_world(app, anonymous)
    try:
        return {route: {role: await _ask(world, role, route) for role in ROLES} for route in routes()}
    finally:
        await world.close()


def test_every_route_has_an_entry_and_every_entry_a_route() -> None:
    mounted = routes()
    assert len(mounted) > 100  # the check below compares real tables, not two empty ones
    assert sorted(set(mounted) - set(MATRIX)) == [], "routes nobody decided who may call: add them to MATRIX"
    assert sorted(set(MATRIX) - set(mounted)) == [], "MATRIX names routes the app no longer has"


async def test_each_role_gets_what_the_matrix_says(app: FastAPI, client: httpx.AsyncClient) -> None:
    table = await observed(app, client)
    wrong = [f"{route} as {role}: expected {MATRIX[route][role]!r}, got {got!r}"
             for route, outcomes in table.items() if route in MATRIX for role, got in outcomes.items()
             if got != MATRIX[route][role]]
    assert not wrong, "\n".join(wrong)
