"""Language helpers: which locale a request is in, and where the same page lives in the others."""

import copy
from contextvars import ContextVar
from urllib.parse import urlencode

from django.conf import settings
from django.middleware import locale as middleware
from django.urls import NoReverseMatch, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Locale, Page, Site
from wagtail.models.i18n import LocaleManager

from website import caching

# {language code: Locale} for the request being handled, else None.
_locales = ContextVar("request_locales", default=None)
_get_for_language = LocaleManager.get_for_language


def _remembered_get_for_language(manager, language_code):
    """Wagtail's lookup, once per language per request: routing, the menus and every `localized`
    page ask for the active locale again, a query each time."""
    memo = _locales.get()
    if memo is None:
        return _get_for_language(manager, language_code)
    if language_code not in memo:
        memo[language_code] = _get_for_language(manager, language_code)
    return copy.copy(memo[language_code])  # callers may cache related objects on theirs


LocaleManager.get_for_language = _remembered_get_for_language


class RequestLocalesMiddleware:
    """Lets Wagtail's locale lookups be remembered for the length of one request (never longer: a
    locale added or removed in the admin is seen by the next request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _locales.set({})
        try:
            return self.get_response(request)
        finally:
            _locales.reset(token)


def per_request(request, key, compute):
    """Compute a value once per request (navigation, footer and switcher all need the same rows)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_website_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def active_locale(request=None):
    return per_request(request, ("locale", translation.get_language()), _active_locale)


def locale_home(request, locale=None):
    """The home page of the request's site in `locale` (the site root's translation), or None."""
    locale = locale or active_locale(request)
    return per_request(request, ("home", locale.pk), lambda: _locale_home(request, locale))


def _locale_home(request, locale):
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return caching.per_version(
        request, f"locale-home:{site.pk}:{locale.pk}", lambda: root.get_translation_or_none(locale)
    )


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
        query = _shared_query(request, page)
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


def _shared_query(request, page):
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
    as Wagtail's `page.localized`: one query for all of them (and one per page type when `specific`),
    kept while no content changes."""
    locale = active_locale(request)
    keys = sorted({str(page.translation_key) for page in pages if page is not None and page.locale_id != locale.pk})
    found = {}
    if keys:

        def fetch():
            translations = Page.objects.live().filter(locale=locale, translation_key__in=keys)
            return {p.translation_key: p for p in (translations.specific() if specific else translations)}

        found = caching.per_version(request, f"localized:{locale.pk}:{specific:d}:{','.join(keys)}", fetch)
    return [found.get(page.translation_key, page) if page is not None else None for page in pages]


def menu_pages(request):
    home = locale_home(request)
    if home is None:
        return []
    return caching.per_version(request, f"menu:{home.pk}", lambda: list(home.get_children().live().in_menu().public()))


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
