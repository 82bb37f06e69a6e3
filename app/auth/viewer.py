"""Who is asking, and the object-level rules that follow from it. The one place for 'may this viewer touch X'."""

from dataclasses import dataclass

from app.core.errors import AppError, forbidden, not_authenticated
from app.models import Organization, User
from app.models.enums import MemberRole, OrganizationRole


@dataclass(frozen=True)
class Viewer:
    user_id: int
    organization_id: int
    organization_role: OrganizationRole
    member_role: MemberRole
    is_admin: bool

    def belongs_to(self, organization_id: int) -> bool:
        return self.organization_id == organization_id


def can_manage(viewer: Viewer | None, organization_id: int) -> bool:
    """Members of the owning organization manage its objects; platform admins may too."""
    return viewer is not None and (viewer.belongs_to(organization_id) or viewer.is_admin)


def visible_to(viewer: Viewer | None) -> set[int] | None:
    """Organizations whose unpublished objects this viewer may list; None means all of them (admins)."""
    if viewer is not None and viewer.is_admin:
        return None
    return {viewer.organization_id} if viewer else set()


def require_viewer(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise not_authenticated()
    return viewer


def require_member(viewer: Viewer | None, organization_id: int) -> Viewer:
    viewer = require_viewer(viewer)
    if not viewer.belongs_to(organization_id):
        raise forbidden("Only members of the owning organization may do this", code="not_a_member")
    return viewer


def require_admin(viewer: Viewer | None) -> Viewer:
    viewer = require_viewer(viewer)
    if not viewer.is_admin:
        raise forbidden("Only platform administrators may do this", code="admin_only")
    return viewer


def require_owner(viewer: Viewer | None) -> Viewer:
    """The owner of the viewer's organization: billing and the plan are the owner's to change."""
    viewer = require_viewer(viewer)
    if viewer.member_role is not MemberRole.OWNER:
        raise forbidden("Only the owner of the organization may do this", code="owner_only")
    return viewer


def require_seller(viewer: Viewer | None) -> Viewer:
    viewer = require_viewer(viewer)
    if not viewer.organization_role.sells:
        raise forbidden("Your organization is registered as a buyer only", code="not_a_supplier")
    return viewer


def require_buyer(viewer: Viewer | None) -> Viewer:
    viewer = require_viewer(viewer)
    if not viewer.organization_role.buys:
        raise forbidden("Your organization is registered as a supplier only", code="not_a_buyer")
    return viewer


def suspension(user: User, organization: Organization) -> AppError | None:
    """Why this user may neither sign in nor act (cookie or token), or None: the user is suspended, or their
    organisation is. The one check, used at login and wherever a cookie or token is resolved to a viewer."""
    if organization.suspended_at is not None:
        return forbidden(f"{organization.name} is suspended on this platform, and its members cannot sign in. "
                         "Contact the platform's support to find out why.", code="account_suspended")
    if user.suspended_at is not None:
        return forbidden("Your account is suspended, so you cannot sign in. Contact the platform's support to find "
                         "out why.", code="account_suspended")
    return None


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, as plain values (still readable after the request's session rolled back): the viewer, and
    what pages show of the user and the organization."""

    viewer: Viewer
    name: str
    email: str
    organization_name: str
    organization_slug: str
    language: str | None = None  # the pages' language the user chose, if any
