"""HTML pages (Jinja2). Each domain's page routes are gathered into one router here.

Every page resolves its viewer (page_user) first, so templates, error pages included, can show the nav."""

from fastapi import APIRouter, Depends

from app.alerts import pages as alert_pages
from app.billing import pages as billing_pages
from app.http.page_deps import page_user
from app.inquiries import pages as inquiry_pages
from app.matches import pages as matching_pages
from app.moderation import pages as moderation_pages
from app.notifications import pages as notification_pages
from app.pages import accounts, home, listings, rfqs
from app.quotes import pages as quote_pages
from app.search_api import pages as search_pages

router = APIRouter(include_in_schema=False, dependencies=[Depends(page_user)])
for pages in (home, accounts, listings, rfqs, search_pages):
    router.include_router(pages.router)
router.include_router(billing_pages.router)
router.include_router(matching_pages.router)
router.include_router(alert_pages.router)
router.include_router(quote_pages.router)
for pages in (notification_pages, inquiry_pages, moderation_pages):
    router.include_router(pages.router)
