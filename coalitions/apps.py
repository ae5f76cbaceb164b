from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionsConfig(AppConfig):
    """Coalition partners of petitions, the sign → share → give journey, the embeddable counter."""

    name = "coalitions"
    verbose_name = _("Coalitions and sharing")
