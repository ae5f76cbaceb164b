"""What the staff views of petitions and donations share.

- `StaffView`: a permission check answered with a page that says why (403), before anything else
  is looked up, so a user without the permission learns nothing about what exists;
- `PermissionMenuItem`: a menu entry shown only with a permission;
- `PrivacyRequestMixin`: access and erasure requests by email address. Everything is POSTed, so
  addresses stay out of URLs and logs, and the audit log records a keyed hash, never the address.
"""

import json

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class StaffView(WagtailAdminTemplateMixin, View):
    permission = None  # "app.codename", checked first

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return TemplateResponse(
                request,
                "website/admin/forbidden.html",
                {
                    "page_title": _("No permission"),
                    "header_title": _("No permission"),
                    "header_icon": "lock",
                },
                status=403,
            )
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Look up what the URL names (raise Http404 when it does not exist)."""


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address of the person"))


class PrivacyRequestMixin:
    """GET: the form. POST with `action`: show, download (JSON), confirm_erase, erase.

    Set `privacy` (a module with `export_person(email)` and `erase_person(email)`), `url_name`,
    `log_prefix` (actions `<prefix>.privacy_access` and `<prefix>.privacy_erasure`), `counted` (the
    key of the number in the audit entry), `download_filename`; define `audit_instance()` (whose
    history holds the entries), `email_hash(email)` and `erased_message(count)`.
    """

    header_icon = "lock"
    privacy = url_name = log_prefix = counted = download_filename = None

    def audit(self, action, email, **data):
        log(
            instance=self.audit_instance(),
            action=f"{self.log_prefix}.{action}",
            user=self.request.user,
            title=_("Privacy request"),
            data={"email_hash": self.email_hash(email), **data},
        )

    def render(self, status=200, **context):
        return super().render(status=status, privacy_url=reverse(self.url_name), **context)

    def get(self, request):
        return self.render(form=PrivacyRequestForm())

    def post(self, request):
        form = PrivacyRequestForm(request.POST)
        if not form.is_valid():
            return self.render(status=400, form=form)
        email, action = form.cleaned_data["email"], request.POST.get("action", "show")
        if action == "erase":
            erased = self.privacy.erase_person(email)
            self.audit("privacy_erasure", email, **{self.counted: erased})
            messages.success(request, self.erased_message(erased))
            return redirect(self.url_name)
        rows = self.privacy.export_person(email)
        if action == "confirm_erase":
            return self.render(form=form, rows=rows, confirm_erase=True)
        self.audit("privacy_access", email, **{self.counted: len(rows)}, download=action == "download")
        if action == "download":
            response = HttpResponse(
                json.dumps(rows, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{self.download_filename}"'
            response["Cache-Control"] = "private, no-store"
            return response
        return self.render(form=form, rows=rows, looked_up=True)
