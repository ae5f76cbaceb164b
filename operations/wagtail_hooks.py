"""The status page in the admin, and telling the editor that the CDN will follow (its purge is queued)."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website.caching import WATCHED

from . import cdn, views


def tell_purge_queued(request):
    if cdn.configured():
        messages.info(request, _("The CDN purge is queued: visitors see the change within a minute."))


@hooks.register("after_publish_page")
@hooks.register("after_unpublish_page")
def after_page_change(request, page):
    tell_purge_queued(request)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def after_snippet_change(request, instance):
    if WATCHED.get(type(instance)):
        tell_purge_queued(request)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_staff


@hooks.register("register_admin_urls")
def register_status_url():
    return [path("operations/status/", views.StatusView.as_view(), name="operations_status")]


@hooks.register("register_settings_menu_item")
def register_status_menu_item():
    return StaffMenuItem(gettext_lazy("Site status"), reverse("operations_status"), icon_name="pulse", order=900)
