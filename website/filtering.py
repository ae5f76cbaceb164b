"""Filtering and paging a public index page by plain GET parameters: shareable URLs that work without JavaScript.

A value that is not on offer, or a page that does not exist, is answered with the index and a notice rather than
an error: a mistyped or outdated link still shows something useful.
"""

import django_filters
from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_VALUE_LENGTH = 64


class IndexFilterSet(django_filters.FilterSet):
    """Choice filters whose choices are what exists, given as `choices={filter name: [(value, label), ...]}`."""

    # Per filter, the notice for a value that is not on offer; by default one naming the filter's label.
    notices_for = {}
    default_notice = _("There is no %(filter)s “%(value)s”; that filter was ignored.")

    def __init__(self, data, queryset, choices):
        data = {name: self.normalise(name, data.get(name, "").strip()) for name in self.base_filters}
        super().__init__(data, queryset=queryset)
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options

    def normalise(self, name, value):
        return value

    @property
    def chosen(self):
        """{filter name: value} for the filters that apply."""
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    @property
    def notices(self):
        """One notice per filter value that was ignored."""
        return [
            self.notices_for.get(name, self.default_notice)
            % {"filter": self.filters[name].label, "value": self.data[name][:MAX_VALUE_LENGTH]}
            for name in self.form.errors
        ]


def page_or_first(objects, per_page, number):
    """(page, notices): the page asked for, or the first page and a notice when there is no such page.

    Never silently the last page (Paginator.get_page's choice): a visitor who follows an old link to page 9 sees
    where the list starts and is told why.
    """
    paginator = Paginator(objects, per_page)
    if not number:
        return paginator.page(1), []
    try:
        return paginator.page(number), []
    except InvalidPage:
        notice = gettext("There is no page “%(number)s”; this is the first page.")
        return paginator.page(1), [notice % {"number": str(number)[:MAX_VALUE_LENGTH]}]
