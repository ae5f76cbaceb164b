"""Filtering the campaign index (see website.filtering): by the year a campaign started and its status."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from website.filtering import IndexFilterSet


class CampaignFilter(IndexFilterSet):
    # Choices are the years that have campaigns, so "²" (a digit to str.isdigit, not to int) is just not on offer.
    year = ChoiceFilter(field_name="start_date", lookup_expr="year", label=_("year"))
    status = ChoiceFilter(field_name="status", label=_("status"))

    notices_for = {
        "year": _("There are no campaigns from “%(value)s”; that filter was ignored."),
        "status": _("There is no status “%(value)s”; that filter was ignored."),
    }
