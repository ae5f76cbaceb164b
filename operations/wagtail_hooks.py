"""Tell the editor that the CDN will follow: its purge is queued, never waited for."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from website.caching import WATCHED

from . import cdn


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
