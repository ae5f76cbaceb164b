# Varnish in front of the app servers (Debian's varnish 7.x): `varnishd -f deploy/varnish.vcl …`.
# The app servers are listed twice: probed (for routing around a dead instance) and unprobed (the
# fallback when every instance reports a shared dependency down: the app then answers by itself,
# uncached pages or its own bilingual 503, instead of Varnish's bare error).
# bin/rehearse writes a copy with its own ports; add a backend pair per app server.
vcl 4.1;

import directors;
import std;

# Host: one of ALLOWED_HOSTS (else Django answers 400); X-Forwarded-Proto: https, else the production
# settings redirect the probe to https (301) and every app server looks down.
probe healthz {
    .request = "GET /healthz HTTP/1.1"
               "Host: campagnes.example.org"
               "X-Forwarded-Proto: https"
               "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app1_direct { .host = "127.0.0.1"; .port = "8001"; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app2_direct { .host = "127.0.0.1"; .port = "8002"; .connect_timeout = 1s; .first_byte_timeout = 30s; }

# Who may PURGE: the app servers and workers (the purge task runs in the workers).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new healthy = directors.round_robin();
    healthy.add_backend(app1);
    healthy.add_backend(app2);
    new direct = directors.round_robin();
    direct.add_backend(app1_direct);
    direct.add_backend(app2_direct);
    new app = directors.fallback();
    app.add_backend(healthy.backend());
    app.add_backend(direct.backend());
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        return (purge);
    }
    if (req.url ~ "^/healthz" || req.url ~ "^/admin" || req.url ~ "^/django-admin") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (a session) see pages as they are; everyone else gets the shared copy: their other cookies
    # (language, CSRF) change nothing in a shared page.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # While the app servers are healthy a stale copy bridges 10 s (one render); when none is, an hour.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # An error while refreshing a copy in the background (the database is down): keep serving the copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Only what the app marks public is kept (pages, count.json, canvas JSON); everything else passes.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_backend_error {
    # A killed instance refuses connections before its probe notices: try the other one.
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
