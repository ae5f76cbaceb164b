"""gunicorn for one app server: `gunicorn -c deploy/gunicorn.conf.py website.wsgi`.

Every value can be set from the environment (systemd's EnvironmentFile, see deploy/systemd/).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: a request never waits on anything slow (signing is one insert, emails are tasks), so
# two per core keeps the CPU busy while one waits on PostgreSQL or Redis.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5  # behind Varnish/the load balancer, which keeps connections open
# A worker is replaced after this many requests (bounds any slow leak), not all at once.
max_requests = 5000
max_requests_jitter = 500
# Only the proxy in front may say which scheme the visitor used (settings trust X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# One line per request, with the request id the app logs too (operations/logging.py sets X-Request-ID).
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
proc_name = "campagnes-web"
