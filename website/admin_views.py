"""What the apps' staff screens share, on Wagtail's own view classes.

- `StaffPermissionMixin`: Wagtail's `PermissionCheckedMixin` for screens that are not one model's
  add/change/delete: the permissions are Django permission names. A refusal is a page that says why
  (403), answered before anything else is looked up, so a user without the permission learns nothing
  about what exists;
- `PermissionMenuItem`: a menu entry shown only with a permission, and `StaffViewSet`, a Wagtail
  `ViewSet` whose menu entry is one;
- `ReadOnlyViewSet`: a model's listing only, for rows the site writes itself (payments, holds);
- `PrivacyRequestViewSet`: access and erasure requests by email address, for the `PersonalData` an
  app describes. Everything is POSTed, so addresses stay out of URLs and logs, and the audit log
  records a keyed hash, never the address.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .normalise import normalise_email


def user_has(user, permission):
    """`permission` is a permission name ("petitions.export_signatures") or a tuple of names needed together."""
    return user.has_perm(permission) if isinstance(permission, str) else user.has_perms(permission)


class PermissionMenuItem(MenuItem):
    """A menu entry shown to users with `permission`, or with any of `permission` when it is a list."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        permissions = self.permission if isinstance(self.permission, list) else [self.permission]
        return any(user_has(request.user, permission) for permission in permissions)


class StaffPermissionMixin(PermissionCheckedMixin):
    """Set `permission_required` to a permission name (or a tuple of names needed together), or
    `any_permission_required` to a list of them."""

    forbidden_template_name = "website/admin/forbidden.html"

    def user_has_permission(self, permission):
        return user_has(self.request.user, permission)

    def user_has_any_permission(self, permissions):
        return any(self.user_has_permission(permission) for permission in permissions)

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(
                request,
                self.forbidden_template_name,
                {"page_title": _("No permission"), "header_title": _("No permission"), "header_icon": "lock"},
                status=403,
            )


class StaffViewSet(ViewSet):
    """Staff screens routed together. With a `menu_hook`, its menu entry leads to the first URL pattern
    and is shown to users with `menu_permission` (as for `PermissionMenuItem`)."""

    menu_permission = None

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.menu_permission,
        )


class StaffTemplateView(StaffPermissionMixin, WagtailAdminTemplateMixin, View):
    """A staff screen in the admin's page furniture; `render(**context)` answers with its template."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def render(self, status=200, **context):
        return self.render_to_response(self.get_context_data(**context), status=status)


# Privacy requests ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonalData:
    """What an app holds about a person, for access and erasure requests.

    `name` ("signatures") names the records: the number in the audit entries and the download
    (`signatures.json`). Audit actions are `<log_prefix>.privacy_access` and `…privacy_erasure`, with
    the address hashed with the key `<log_prefix>.privacy`.
    """

    name: str
    log_prefix: str
    export: Callable[[str], list]  # (email) → one dict per record held
    erase: Callable[[str], int]  # (email) → how many records were erased
    audit_instance: Callable[[], Model]  # the object whose history holds the audit entries
    erased_message: Callable[[int], str]  # (count) → what staff are told after erasing
    labels: dict = field(default_factory=dict)  # key of a record → what staff read (the download keeps the keys)
    value_labels: dict = field(default_factory=dict)  # key → {stored value: label}, e.g. a status's choices

    def shown(self, record):
        """A record as staff read it, [(label, value)]: keys by their labels, codes by theirs, yes/no for booleans."""
        yes_no = {True: _("yes"), False: _("no")}
        return [
            (
                self.labels.get(key, key),
                yes_no[value] if isinstance(value, bool) else self.value_labels.get(key, {}).get(value, value),
            )
            for key, value in record.items()
        ]

    def email_hash(self, email):
        """A keyed hash of the normalised address: the audit log can match requests, never reveal the email."""
        return salted_hmac(f"{self.log_prefix}.privacy", normalise_email(email), algorithm="sha256").hexdigest()


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address of the person"))


class PrivacyRequestView(StaffTemplateView):
    """GET: the form. POST with `action`: show, download (JSON), confirm_erase, erase."""

    header_icon = "lock"
    personal_data = None  # a PersonalData
    index_url_name = None

    def audit(self, action, email, **data):
        log(
            instance=self.personal_data.audit_instance(),
            action=f"{self.personal_data.log_prefix}.{action}",
            user=self.request.user,
            title=_("Privacy request"),
            data={"email_hash": self.personal_data.email_hash(email), **data},
        )

    def render(self, status=200, **context):
        return super().render(status=status, privacy_url=reverse(self.index_url_name), **context)

    def get(self, request):
        return self.render(form=PrivacyRequestForm())

    def post(self, request):
        form = PrivacyRequestForm(request.POST)
        if not form.is_valid():
            return self.render(status=400, form=form)
        data = self.personal_data
        email, action = form.cleaned_data["email"], request.POST.get("action", "show")
        if action == "erase":
            erased = data.erase(email)
            self.audit("privacy_erasure", email, **{data.name: erased})
            messages.success(request, data.erased_message(erased))
            return redirect(self.index_url_name)
        rows = data.export(email)
        if action == "confirm_erase":
            return self.render(form=form, rows=rows, confirm_erase=True)
        self.audit("privacy_access", email, **{data.name: len(rows)}, download=action == "download")
        if action == "download":
            response = HttpResponse(
                json.dumps(rows, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{data.name}.json"'
            response["Cache-Control"] = "private, no-store"
            return response
        return self.render(form=form, rows=rows, looked_up=True, records=[(row, data.shown(row)) for row in rows])


class PrivacyRequestViewSet(StaffViewSet):
    """The privacy-request screen for one app's `personal_data`, with its menu entry (shown with
    `permission_required`) in the menu named by `menu_hook`."""

    icon = "lock"
    menu_label = gettext_lazy("Privacy requests")
    menu_hook = None
    personal_data = None
    permission_required = None
    template_name = None
    page_title = gettext_lazy("Privacy requests")
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items

    def get_urlpatterns(self):
        view = PrivacyRequestView.as_view(
            personal_data=self.personal_data,
            permission_required=self.permission_required,
            template_name=self.template_name,
            page_title=self.page_title,
            breadcrumbs_items=self.breadcrumbs_items,
            index_url_name=self.get_url_name("index"),
        )
        return [path("", view, name="index")]

    @property
    def menu_permission(self):
        return self.permission_required


class ReadOnlyViewSet(ModelViewSet):
    """A listing only: these rows are written by the site (a payment flow, a job), never by hand."""

    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
