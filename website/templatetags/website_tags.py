from django import template
from wagtail.models import Page

from website import caching, i18n, page_parts
from website.models import SiteIdentity
from website.translation import in_language

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context.get("request")
    links = i18n.language_links(request, page)
    for link in links:
        if link["url"] is None:
            link["fallback_url"] = i18n.fallback_url(request, link["code"])
    return {"links": links}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page=None):
    request = context.get("request")
    if page is None or not getattr(page, "pk", None):
        return {"links": []}
    links = [link for link in i18n.language_links(request, page) if link["url"]]
    return {"links": links, "request": request}


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context, current_page=None):
    request = context.get("request")
    home = i18n.locale_home(request)
    current_path = getattr(current_page, "path", "")
    items = [(item, current_path.startswith(item.path)) for item in i18n.menu_pages(request)] if home else []
    identity = site_identity(context)
    return {
        "home": home,
        "is_home": bool(home and current_path == home.path),
        "items": items,
        "organisation_name": identity.organisation_name if identity else "",
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    # Depth 1 is Wagtail's root, depth 2 a language's home page.
    ancestors = page.get_ancestors().filter(depth__gt=1) if page.depth > 2 else []
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The organisation's details in the page's language: once per request, from the cache while no
    content changes (one row per language)."""
    request = context.get("request")
    language = i18n.active_locale(request).language_code
    return i18n.per_request(
        request,
        "site_identity",
        lambda: caching.per_version(
            request,
            f"site-identity:{language}",
            lambda: in_language(SiteIdentity.objects.select_related("privacy_page", "donate_page"), language),
        ),
    )


@register.simple_tag(takes_context=True)
def localized_pages(context, *pages):
    """Like `localized` for several pages at once (one query for all of them)."""
    return i18n.localized_pages(context.get("request"), *pages)


@register.filter
def localized(page):
    """A chosen page in the visitor's language when it has been translated (PageChooser values
    are synchronised across languages by wagtail-localize)."""
    if page is None:
        return None
    if not isinstance(page, Page):
        return page.localized
    return i18n.localized_pages(None, page)[0]


@register.filter
def localized_all(pages):
    """`localized` for a list of chosen pages, as their specific pages, fetched together."""
    return i18n.localized_pages(None, *pages, specific=True)


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form, title, **anchors):
    """GOV.UK's error summary: every error of `form`, each linking to its field.

    Radio buttons link to their first option; a hidden field links to the element named in
    `anchors` (`cells="gift-cells"`) or shows its message without a link.
    """
    items = [(None, error) for error in form.non_field_errors()]
    for field in form:
        if not field.errors:
            continue
        target = anchors.get(field.name)
        if target is None and not field.is_hidden:
            target = field.id_for_label or f"{field.auto_id}_0"
        items.extend((target, error) for error in field.errors)
    return {"items": items, "title": title}


@register.filter(name="zip")
def zip_lists(first, second):
    """Pairs of two lists side by side: `{% for party, position in parties|zip:cells %}`."""
    return zip(first, second, strict=False)


class PagePartNode(template.Node):
    def __init__(self, nodelist, name, vary_on, unless):
        self.nodelist, self.name, self.vary_on, self.unless = nodelist, name, vary_on, unless

    def render(self, context):
        if self.unless is not None and self.unless.resolve(context):
            return self.nodelist.render(context)
        vary = [var.resolve(context) for var in self.vary_on]
        return page_parts.fetch(context, self.name, vary, lambda: self.nodelist.render(context))


@register.tag
def pagepart(parser, token):
    """`{% pagepart "name" var… [unless=expr] %}…{% endpagepart %}`: the enclosed HTML is kept per content version,
    language, URL and page (`website.page_parts`), varying on the given variables too; rendered every time while
    `unless` is true (what depends on a visitor's query string: kept, each value would be an entry of its own).
    Only for what changes with a publish."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% pagepart %} needs a quoted name first")
    unless = None
    if bits[-1].startswith("unless="):
        unless = parser.compile_filter(bits.pop()[len("unless=") :])
    nodelist = parser.parse(("endpagepart",))
    parser.delete_first_token()
    return PagePartNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], unless)


@register.filter
def shared_query(page, request):
    """The query string a page keeps across languages (`shared_query_parameters`): what its language links vary on."""
    return i18n.shared_query(request, page)


@register.simple_tag(takes_context=True)
def include_stream(context, stream):
    """`{% include_block stream %}` with each block's rendering kept per content version (`website.page_parts`)."""
    if not stream:
        return ""
    return page_parts.render_stream(context, stream)
