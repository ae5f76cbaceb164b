from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def world_map(countries, route=None):
    from projects.worldmap import render_map

    return render_map(countries, route=route, label=_("Map of the countries where we work"))


@register.simple_tag
def project_meta(project):
    """“Serbia · Current” — the line under a project card's title."""
    names = ", ".join(str(country.name) for country in project.countries)
    return " · ".join(part for part in [names, str(project.get_status_display_label())] if part)
