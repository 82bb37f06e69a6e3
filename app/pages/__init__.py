"""HTML pages (Jinja2). Each domain's page routes are gathered into one router here."""

from fastapi import APIRouter

from app.pages import home

router = APIRouter(include_in_schema=False)
router.include_router(home.router)
