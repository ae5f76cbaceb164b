"""The smallest WSGI app: what gunicorn itself serves on this machine, with no Django at all.

Used by `benchmarks/petitions_load.py --ceiling` as the upper bound for any response the site
serves (count.json included) with the same workers and the same load client.
"""

BODY = b'{"count": 0}'


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))])
    return [BODY]
