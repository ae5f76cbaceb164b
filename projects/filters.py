"""Filtering the project index by plain GET parameters: shareable URLs that work without JavaScript.

Unknown values are dropped with a notice rather than failing: a mistyped or outdated link still
shows the projects.
"""

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FILTERS = ("country", "region", "status", "funder")
MAX_VALUE_LENGTH = 64


def options(projects):
    """What can be filtered on, given the projects that exist: {filter: [(value, label), ...]}."""
    countries, regions, funders = {}, {}, {}
    for project in projects:
        for country in project.countries:
            countries[country.code] = country.name
        regions[project.region] = project.get_region_display()
        for link in project.funders.all():
            funders[str(link.funder.pk)] = link.funder.name
    from .models import ProjectStatus

    return {
        "country": sorted(countries.items(), key=lambda item: str(item[1])),
        "region": sorted(regions.items(), key=lambda item: str(item[1])),
        "status": [(status.value, status.label) for status in ProjectStatus],
        "funder": sorted(funders.items(), key=lambda item: item[1]),
    }


def parse(query, available):
    """The valid filter values in `query` and a notice for each value that was ignored."""
    chosen, notices = {}, []
    labels = {"country": _("country"), "region": _("region"), "status": _("status"), "funder": _("funder")}
    for name in FILTERS:
        value = query.get(name, "").strip()
        if not value:
            continue
        allowed = dict(available[name])
        if name == "country":
            value = value.upper()
        if value in allowed:
            chosen[name] = value
        else:
            shown = value[:MAX_VALUE_LENGTH]
            notices.append(
                _("There is no %(filter)s “%(value)s”; that filter was ignored.")
                % {"filter": labels[name], "value": shown}
            )
    return chosen, notices


def apply(projects, chosen):
    """Projects matching every chosen filter, current ones first, then the most recent."""

    def matches(project):
        if "country" in chosen and chosen["country"] not in {c.code for c in project.countries}:
            return False
        if "region" in chosen and project.region != chosen["region"]:
            return False
        if "status" in chosen and project.current_status != chosen["status"]:
            return False
        if "funder" in chosen and chosen["funder"] not in {str(link.funder.pk) for link in project.funders.all()}:
            return False
        return True

    shown = [project for project in projects if matches(project)]
    shown.sort(key=lambda p: (not p.is_current, -(p.start_date.toordinal() if p.start_date else 0), p.title))
    return shown


def querystring(chosen):
    return urlencode(chosen)


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
