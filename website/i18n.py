"""Language helpers: which locale a request is in, and where the same page lives in the others."""

from contextvars import ContextVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.http.request import split_domain_port
from django.middleware import locale as middleware
from django.urls import NoReverseMatch, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from website import caching

# {key: value} remembered for the request being handled (its locale, its language's home page), else None.
_memo = ContextVar("request_memo", default=None)


class RequestLocalesMiddleware:
    """Looks up the request's locale and its language's home page once per request, and routes page
    requests from that home page.

    Wagtail routes from `site.root_page.localized`: a locale query, then on every English page the root's
    translation and its specific page (3 queries); and every `localized` asks for the locale again. Here
    routing starts from `locale_home` (one query in either language, or none while no content changed)
    and hands Wagtail the result through `request._wagtail_route_for_request`, where `route_for_request`
    keeps it (Wagtail's own hooks, view restrictions included, still run in its `serve` view). Locales and
    sites come from the cache until one of them is saved or deleted (see `LOCALES_KEY`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views  # imports models: not at import time of this module

        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        home = locale_home(request)
        if home is not None:
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            try:
                request._wagtail_route_for_request = route_from(request, home, [c for c in path.split("/") if c])
            except Http404:
                request._wagtail_route_for_request = None
        return None


def route_from(request, home, components):
    """Wagtail's route from `home`, without its walk down the tree (two queries per level): the deepest page
    whose `url_path` the path starts with routes the rest itself (a routable page's sub-paths, or a 404), as
    Wagtail's walk would have reached it. Which page that is, and the page with its images, are kept per
    content version: a render after a page's entry expired routes without a query."""
    if not components:
        return home.route(request, [])
    paths = caching.per_version(request, f"routes:{home.pk}", lambda: _paths_below(home))
    for depth in range(len(components), 0, -1):
        found = paths.get(f"{home.url_path}{'/'.join(components[:depth])}/")
        if found is not None:
            page = caching.per_version(request, f"routed:{found[0]}", lambda found=found: _routed(*found))
            if page is not None:  # else deleted meanwhile
                return page.route(request, components[depth:])
            break
    return home.route(request, components)  # nothing below home matches: Wagtail says what (a 404)


def _routed(pk, content_type_id):
    page = Page(pk=pk, content_type_id=content_type_id)
    return with_images(page) if page.specific_class is not None else Page.objects.filter(pk=pk).first()


def _paths_below(home):
    """{url_path: (pk, content type)} of every page below `home`, live or not (a page's own `route` says
    whether it serves)."""
    pages = Page.objects.filter(path__startswith=home.path, depth__gt=home.depth)
    return {url_path: (pk, type_id) for url_path, pk, type_id in pages.values_list("url_path", "pk", "content_type")}


def with_images(page):
    """`page.specific`, with its images and their renditions (a hero and a social image: one query for
    their renditions rather than one for each image and each size); None when the page is gone."""
    model = page.specific_class
    if model is None:
        return page.specific
    images = image_fields(model)
    return (
        model.objects.select_related(*images)
        .prefetch_related(*(f"{name}__renditions" for name in images))
        .filter(pk=page.pk)
        .first()
    )


def image_fields(model):
    image = get_image_model()
    return [f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is image]


def per_request(request, key, compute):
    """Compute a value once per request (navigation, footer and switcher all need the same rows); without
    a request object, once per request being handled (template filters get no request)."""
    memo = _memo.get()
    if memo is None and request is not None:
        memo = request.__dict__.setdefault("_website_memo", {})
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# Locales and sites change only in the admin, and a change of either drops these (see the receivers
# below), so they are kept across content changes: a render right after a publish needs no query for them.
LOCALES_KEY = "i18n:locales"
SITES_KEY = "i18n:sites"
MAX_HOSTS = 20


def _locales():
    """{language code: Locale} of the configured languages."""
    return cache.get_or_set(LOCALES_KEY, lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def language_code_of(obj):
    """The language code of a translatable object's locale, from the kept locales (no query)."""
    for code, locale in _locales().items():
        if locale.pk == obj.locale_id:
            return code
    return obj.locale.language_code  # a locale added since the locales were kept


def _active_locale():
    """As Wagtail's `Locale.get_active()` (the active language's locale, else the default one)."""
    locales = _locales()
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            found = locales.get(get_supported_content_language_variant(code))
        except LookupError:
            continue
        if found is not None:
            return found
    return Locale.get_default()  # raises Locale.DoesNotExist as Wagtail does


def active_locale(request=None):
    return per_request(request, ("locale", translation.get_language()), _active_locale)


def find_site(request):
    """Wagtail's `Site.find_for_request`, remembered per host and port until a site is saved or deleted."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    sites = cache.get(SITES_KEY) or {}
    if (hostname, port) not in sites:
        if len(sites) >= MAX_HOSTS:
            sites = {}  # hosts are checked against ALLOWED_HOSTS before, but a dev site allows any
        sites[(hostname, port)] = Site.find_for_request(request)
        cache.set(SITES_KEY, sites)
    request._wagtail_site = sites[(hostname, port)]
    return request._wagtail_site


@receiver([post_save, post_delete], sender=Locale, dispatch_uid="i18n-locales-changed")
def _locales_changed(**kwargs):
    cache.delete(LOCALES_KEY)


@receiver([post_save, post_delete], sender=Site, dispatch_uid="i18n-sites-changed")
def _sites_changed(**kwargs):
    cache.delete(SITES_KEY)


def locale_home(request, locale=None):
    """The home page of the request's site in `locale` (the site root's translation, as its specific
    page), or None; as Wagtail's `site.root_page.localized`, the root itself while the translation is
    not live."""
    locale = locale or active_locale(request)
    return per_request(request, ("home", locale.pk), lambda: _locale_home(request, locale))


def _locale_home(request, locale):
    site = find_site(request) if request else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page

    def fetch():
        # One query in either language: the translation's specific row straight away.
        found = root.specific_class.objects.filter(translation_key=root.translation_key, locale_id=locale.pk).first()
        return found if found is not None and found.live else root.specific

    return caching.per_version(request, f"locale-home:{site.pk}:{root.pk}:{locale.pk}", fetch)


def language_links(request, page=None):
    """One entry per configured language: the same page there, or None when not translated yet.

    Pages link to their translations, at the same sub-page route (a routable page's `guide/` is
    `stemhulp/` in Dutch) and with the query parameters the page declares the same in every
    language (`shared_query_parameters`); other views (search, errors) translate their own URL.
    """
    key = ("language_links", getattr(page, "pk", None), translation.get_language())
    return [dict(link) for link in per_request(request, key, lambda: _language_links(request, page))]


def _language_links(request, page):
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    links = []
    if page is not None and getattr(page, "pk", None):
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        route = getattr(request, "routable_resolver_match", None) if hasattr(page, "reverse_subpage") else None
        query = shared_query(request, page)
        for code, _name in settings.LANGUAGES:
            target = translations.get(code)
            url = target.get_url(request) if target else None
            if url and route is not None:
                url += _subpage_path(page, route, code)
            links.append(
                {
                    "code": code,
                    "name": names[code],
                    "url": url + query if url else None,
                    "is_current": code == current,
                }
            )
    else:
        path = request.get_full_path() if request else "/"
        for code, name in settings.LANGUAGES:
            links.append({"code": code, "name": name, "url": translate_url(path, code), "is_current": code == current})
    return links


def _subpage_path(page, route, code):
    """The routable page's route in language `code`: a route named `<name>_<code>` is that
    language's spelling of `<name>` (`guide_nl` is `stemhulp/`, `guide` is `guide/`)."""
    name = route.url_name or ""
    for language, _name in settings.LANGUAGES:
        if name.endswith(f"_{language}"):
            name = name.removesuffix(f"_{language}")
            break
    for candidate in (f"{name}_{code}", name):
        try:
            return page.reverse_subpage(candidate, args=route.args, kwargs=route.kwargs).lstrip("/")
        except NoReverseMatch:
            continue
    return ""


def shared_query(request, page):
    shared = getattr(page, "shared_query_parameters", ())
    if request is None or not shared:
        return ""
    params = [(key, values) for key, values in request.GET.lists() if key in shared]
    return "?" + urlencode(params, doseq=True, safe=",") if params else ""


def fallback_url(request, code):
    """Where to send a visitor when a page has no translation: that language's home page."""
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        return f"/{code}/"
    home = locale_home(request, locale)
    return home.get_url(request) if home else f"/{code}/"


def localized_pages(request, *pages, specific=False):
    """Each page (a chooser's value) in the request's language when translated and live, else itself,
    as Wagtail's `page.localized`: one query for all of them (when `specific`, one per page type: pages
    given as specific pages are looked up in their own model straight away), kept while no content changes."""
    locale = active_locale(request)
    wanted = [page for page in pages if page is not None and page.locale_id != locale.pk]
    found = {}
    if wanted:
        keys = sorted({str(page.translation_key) for page in wanted})
        models = {type(page) for page in wanted} if specific else {Page}

        def fetch():
            if len(models) == 1 and Page not in models:  # the translations are of the same type
                model = next(iter(models))
                # Chosen pages show as cards with their image: fetched with them.
                found = model.objects.live().filter(**lookup).select_related(*image_fields(model))
                return {p.translation_key: p for p in found}
            translations = Page.objects.live().filter(**lookup)
            return {p.translation_key: p for p in (translations.specific() if specific else translations)}

        lookup = {"locale_id": locale.pk, "translation_key__in": keys}
        found = caching.per_version(request, f"localized:{locale.pk}:{specific:d}:{','.join(keys)}", fetch)
    return [found.get(page.translation_key, page) if page is not None else None for page in pages]


def menu_pages(request):
    home = locale_home(request)
    if home is None:
        return []
    return caching.per_version(request, f"menu:{home.pk}", lambda: list(public(home.get_children().live().in_menu())))


def public(pages):
    """Wagtail's `.public()` in the same query: no view restriction on a page or its ancestors (Wagtail
    reads every restriction first, one query more on every page for the menu)."""
    path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.annotate(target=path).filter(target__startswith=F("page__path"))
    return pages.exclude(Exists(restricted))


class LocaleMiddleware(middleware.LocaleMiddleware):
    """Django's, except that a 404 under the admin (and documents) stays a 404 where it is.

    Django answers a 404 by redirecting to the same path with a language prefix when that path
    exists; with Wagtail's catch-all page route under the prefix it always "exists", so a mistyped
    admin URL went to `/nl/admin/…` and the site's page-not-found instead of the admin's.
    """

    UNPREFIXED = ("/admin/", "/documents/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
