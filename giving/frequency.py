"""How often a donor gives, and in what: shared by the models and the form (which the page builds)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

CURRENCY = "eur"


class Frequency(models.TextChoices):
    ONE_OFF = "one_off", _("Once")
    MONTHLY = "monthly", _("Monthly")
