"""A Varnish stand-in on loopback: records every PURGE and answers with the status it is told to."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeCdn:
    def __init__(self):
        self.purged = []  # (Host header, path) of each PURGE it accepted
        self.failures_left = 0  # answer this many requests with 503 first
        self.lock = threading.Lock()
        cdn = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                with cdn.lock:
                    failing = cdn.failures_left > 0
                    cdn.failures_left -= failing
                    if not failing:
                        cdn.purged.append(f"http://{self.headers['Host']}{self.path}")
                self.send_response(503 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.location = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
