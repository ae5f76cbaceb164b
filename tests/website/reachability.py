"""Walking a site's links with the test client, from both home pages (the no-orphans check of the demo
in test_seed_demo.py), reading `<a href>` with the standard library's parser."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit
from xml.etree import ElementTree

from django.conf import settings

HOMES = ["/nl/", "/en/"]
SITE = urlsplit(settings.SITE_URL).netloc  # full links (e.g. to the other language) name the site
MAX_PAGES = 2000  # far above the demo's size: a loop of ever new links fails instead of hanging


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def internal_target(base, href):
    """The path to follow for a link, or None for another site, a download or a view of a page.

    Query strings are views of a page already reached by its plain path (filters, comparisons),
    except a list's further pages, which can hold what the first does not.
    """
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("", "http", "https") or url.netloc not in ("", "testserver", SITE):
        return None
    if not url.path.startswith(tuple(HOMES)):
        return None
    query = parse_qsl(url.query)
    if query and [name for name, _value in query] != ["page"]:
        return url.path
    return url.path + (f"?{url.query}" if query else "")


def walk(client):
    """{path reached: the page it was first linked from}, breadth first from both home pages."""
    reached = {home: None for home in HOMES}
    queue = deque(HOMES)
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        parser = Links()
        parser.feed(response.content.decode())
        for href in parser.hrefs:
            target = internal_target(path, href)
            if target and target not in reached:
                reached[target] = path
                queue.append(target)
        assert len(reached) < MAX_PAGES
    return reached


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = ElementTree.fromstring(response.content).findall("sm:url/sm:loc", namespace)
    return {urlsplit(location.text).path for location in locations}
