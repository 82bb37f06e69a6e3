"""The home page."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.http.templating import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return render(request, "home.html")
