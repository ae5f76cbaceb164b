from django import template

register = template.Library()


@register.simple_tag
def tile_map(states, label):
    from petitions.tilemap import render_tilemap

    return render_tilemap(states, label)
