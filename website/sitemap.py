from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every language's pages, each listing its translations as alternates (hreflang).

    Wagtail's own sitemap walks the site root only, which is one language's tree.
    """

    i18n = False
    alternates = False

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        query = Page.objects.none()
        for root in roots:
            query |= Page.objects.descendant_of(root, inclusive=True)
        return query.live().public().order_by("path").defer_streamfields().select_related("locale").specific()

    def _urls(self, page, protocol, domain):
        entries = []
        by_key = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for info in item.get_sitemap_urls(self.request):
                entries.append((item, info))
                by_key[item.translation_key].append(
                    {"location": info["location"], "lang_code": item.locale.language_code}
                )
        for item, info in entries:
            alternates = by_key[item.translation_key]
            info["alternates"] = alternates if len(alternates) > 1 else []
        last_mods = {info.get("lastmod") for _item, info in entries}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return [info for _item, info in entries]
