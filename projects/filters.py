"""Filtering the project index (see website.filtering): by country, region, status and funder.

The status filter reads the `listed_status` annotation that ProjectIndexPage puts on its projects, so the rule
"completed once the end date has passed" lives with the model.
"""

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import ChoiceFilter

from website.filtering import IndexFilterSet


class ProjectFilter(IndexFilterSet):
    # CountryField(multiple=True) stores "KE,RS": a two-letter code is contained only as a whole code.
    country = ChoiceFilter(field_name="countries", lookup_expr="contains", label=_("country"))
    region = ChoiceFilter(field_name="region", label=_("region"))
    status = ChoiceFilter(field_name="listed_status", label=_("status"))
    funder = ChoiceFilter(field_name="funders__funder", label=_("funder"), distinct=True)

    def normalise(self, name, value):
        return value.upper() if name == "country" else value


def options(projects, statuses):
    """What can be filtered on, given the projects that exist: {filter: [(value, label), ...]}."""
    countries, regions, funders = {}, {}, {}
    for project in projects:
        for country in project.countries:
            countries[country.code] = country.name
        regions[project.region] = project.get_region_display()
        for link in project.funders.all():
            funders[str(link.funder.pk)] = link.funder.name
    return {
        "country": sorted(countries.items(), key=lambda item: str(item[1])),
        "region": sorted(regions.items(), key=lambda item: str(item[1])),
        "status": list(statuses),
        "funder": sorted(funders.items(), key=lambda item: item[1]),
    }


def map_countries(projects, index_page, request):
    """{country code: {"url", "label"}} for the map: each country links to its projects."""
    counts, names = {}, {}
    for project in projects:
        for country in project.countries:
            counts[country.code] = counts.get(country.code, 0) + 1
            names[country.code] = country.name
    base = index_page.get_url(request)
    return {
        code: {
            "url": f"{base}?{urlencode({'country': code})}",
            "label": ngettext("%(country)s: %(count)s project", "%(country)s: %(count)s projects", count)
            % {"country": names[code], "count": count},
        }
        for code, count in counts.items()
    }
