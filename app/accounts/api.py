"""JSON API of accounts: register, login/logout, me, password, API tokens, organizations."""

from fastapi import APIRouter, Request, Response, status

from app.accounts import service, sessions
from app.accounts.schemas import (
    AddressConfirmation,
    ChangePasswordInput,
    LoginInput,
    MeOut,
    MeUpdate,
    OrganizationOut,
    OrganizationUpdate,
    RegisterInput,
    SessionsEnded,
    TokenCreate,
    TokenCreated,
    TokenOut,
    UserOut,
)
from app.http.deps import AppSettings, DbSession, RequiredViewer, client_address
from app.http.ids import ObjectId, Slug
from app.http.session_cookie import clear_session_cookie
from app.models import Organization, User

router = APIRouter(prefix="/api/v1", tags=["accounts"])


def _me(user: User, organization: Organization) -> MeOut:
    return MeOut(user=UserOut.model_validate(user), organization=OrganizationOut.model_validate(organization))


@router.post("/auth/register", status_code=status.HTTP_201_CREATED, response_model=MeOut)
async def register(data: RegisterInput, request: Request, session: DbSession, settings: AppSettings,
                   response: Response) -> MeOut:
    user = await service.register(session, data, settings=settings, address=client_address(request))
    organization = await service.get_organization_by_id(session, user.organization_id)
    await sessions.sign_in(session, settings, response, user)
    return _me(user, organization)


@router.post("/auth/login", response_model=MeOut)
async def login(data: LoginInput, request: Request, session: DbSession, settings: AppSettings,
                response: Response) -> MeOut:
    user = await service.authenticate(session, settings, data.email, data.password, client_address(request))
    organization = await service.get_organization_by_id(session, user.organization_id)
    await sessions.sign_in(session, settings, response, user)
    return _me(user, organization)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, session: DbSession, settings: AppSettings, response: Response) -> None:
    """Ends this browser's session on the server (a copy of its cookie stops working too)."""
    await sessions.sign_out(session, settings, request, response)


@router.post("/auth/logout-everywhere", response_model=SessionsEnded)
async def logout_everywhere(viewer: RequiredViewer, session: DbSession, response: Response) -> SessionsEnded:
    """Ends every login session of the caller, this one included (API tokens are revoked one by one)."""
    ended = await sessions.end_other_sessions(session, viewer.user_id, None)
    clear_session_cookie(response)
    return SessionsEnded(ended=ended)


@router.get("/me", response_model=MeOut)
async def me(viewer: RequiredViewer, session: DbSession) -> MeOut:
    return _me(*await service.me(session, viewer))


@router.patch("/me", response_model=MeOut)
async def update_me(data: MeUpdate, viewer: RequiredViewer, session: DbSession) -> MeOut:
    """Changes the caller's own settings: today the pages' language, which follows the user to any browser."""
    await service.set_language(session, viewer, data.language)
    return _me(*await service.me(session, viewer))


@router.post("/me/email-confirmation", status_code=status.HTTP_202_ACCEPTED, response_model=UserOut)
async def send_address_check(viewer: RequiredViewer, session: DbSession, settings: AppSettings) -> UserOut:
    """E-mails the caller a new link that confirms their address (409 when it is confirmed already)."""
    return UserOut.model_validate(await service.resend_address_check(session, settings, viewer))


@router.post("/auth/confirm-email", response_model=UserOut)
async def confirm_address(data: AddressConfirmation, session: DbSession, settings: AppSettings) -> UserOut:
    """Confirms the address the link was sent to; needs no login (the link may be opened on another device)."""
    return UserOut.model_validate(await service.confirm_address(session, settings, data.token))


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(data: ChangePasswordInput, request: Request, viewer: RequiredViewer, session: DbSession,
                          settings: AppSettings, response: Response) -> None:
    user = await service.change_password(session, viewer, data)
    await sessions.after_password_change(session, settings, request, response, user)


@router.get("/me/tokens", response_model=list[TokenOut])
async def list_tokens(viewer: RequiredViewer, session: DbSession) -> list[TokenOut]:
    return [TokenOut.model_validate(token) for token in await service.list_tokens(session, viewer)]


@router.post("/me/tokens", status_code=status.HTTP_201_CREATED, response_model=TokenCreated)
async def create_token(data: TokenCreate, viewer: RequiredViewer, session: DbSession) -> TokenCreated:
    token, plaintext = await service.create_token(session, viewer, data.name)
    return TokenCreated.model_validate({**TokenOut.model_validate(token).model_dump(), "token": plaintext})


@router.delete("/me/tokens/{token_id}", response_model=TokenOut)
async def revoke_token(token_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> TokenOut:
    return TokenOut.model_validate(await service.revoke_token(session, viewer, token_id))


@router.get("/organizations/{slug}", response_model=OrganizationOut)
async def get_organization(slug: Slug, session: DbSession) -> OrganizationOut:
    return OrganizationOut.model_validate(await service.get_organization(session, slug))


@router.patch("/organizations/{slug}", response_model=OrganizationOut)
async def update_organization(slug: Slug, data: OrganizationUpdate, viewer: RequiredViewer,
                              session: DbSession) -> OrganizationOut:
    return OrganizationOut.model_validate(await service.update_organization(session, viewer, slug, data))
