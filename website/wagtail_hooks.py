from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteIdentity


class SiteIdentityViewSet(SnippetViewSet):
    model = SiteIdentity
    icon = "site"
    menu_label = _("Site identity")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale"]


register_snippet(SiteIdentityViewSet)
