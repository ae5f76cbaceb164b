"""An open-loop HTTP/1.1 load generator: a fixed offered rate, latency measured from the schedule.

wrk keeps N connections busy (closed loop): when the server slows down, wrk sends less, and the
requests that would have waited are never measured ("coordinated omission"). wrk2 fixes that but is
not packaged here, so this client does what wrk2 does, in asyncio:

- request i is *due* at t0 + i / rate, whatever happened to the requests before it;
- it is sent on an idle keep-alive connection if there is one, else on a new connection (gunicorn's
  sync workers close every connection after one response, so there it is always a new one);
- its latency is completion time − due time, so time spent waiting for a connection, in the
  listen backlog or in the client itself counts, as it would for a signer;
- the client's own lag (send time − due time) is reported too: if it is more than a few
  milliseconds the client, not the server, was the limit.

The run stops by itself: nothing is sent after `duration`, every request gives up `timeout` seconds
after it was sent, and whatever is still waiting (for a connection slot: at most `max_in_flight`
requests are open at once) at duration + timeout is abandoned and counted as an error, so a run
takes at most duration + timeout + 1 s.

Also usable alone:
    python benchmarks/fixed_rate.py --url http://127.0.0.1:8765/nl/petitions/<key>/sign/ \
        --rate 200 --duration 60 --consent-version 1 --municipalities GM0363,GM0599
"""

import argparse
import asyncio
import json
import random
import time
from collections import Counter
from urllib.parse import urlencode, urlsplit


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


class SignBodies:
    """Form bodies like the wrk script's: a fresh address per request, some repeats on purpose."""

    def __init__(self, tag, consent_version, municipalities, duplicate_fraction, seed=None):
        self.tag, self.consent_version = tag, consent_version
        self.municipalities, self.duplicate_fraction = municipalities, duplicate_fraction
        self.rng = random.Random(seed)
        self.unique = self.duplicates = 0

    def email(self, n):
        return f"{self.tag}-{n}@bench.example.org"

    def next(self):
        if self.unique and self.rng.random() < self.duplicate_fraction:
            address = self.email(self.rng.randint(1, self.unique))
            self.duplicates += 1
        else:
            self.unique += 1
            address = self.email(self.unique)
        body = urlencode(
            {
                "name": f"Bench Signer {self.unique}",
                "email": address,
                "municipality": self.rng.choice(self.municipalities),
                "consent": "on",
                "consent_version": str(self.consent_version),
                "form_ms": str(self.rng.randint(6000, 90000)),
                "website": "",
            }
        ).encode()
        forwarded = f"10.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
        return body, forwarded


async def read_response(reader):
    """(status, keep_alive) after reading one whole response."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("connection closed before the response")
    version, status = status_line.split(b" ", 2)[:2]
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _colon, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    keep_alive = version == b"HTTP/1.1" and headers.get("connection", "").lower() != "close"
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                break
            await reader.readexactly(size + 2)
    else:
        await reader.read()
        keep_alive = False
    return int(status), keep_alive


async def run_fixed_rate(
    url, rate, duration, bodies, *, timeout=10.0, max_in_flight=512, ok_statuses=(302,), method="POST", headers=""
):
    """`headers`: extra header lines for GETs, each ending in CRLF (e.g. "Accept-Encoding: gzip\r\n")."""
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    loop = asyncio.get_running_loop()
    idle = []  # keep-alive connections ready for another request
    gate = asyncio.Semaphore(max_in_flight)
    latencies, service, lags, slot_waits = [], [], [], []
    statuses, errors = Counter(), Counter()
    in_flight_peak = 0
    in_flight = 0

    def request_bytes():
        if method == "GET" or bodies is None:
            return (f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Language: nl\r\n{headers}\r\n").encode()
        body, forwarded = bodies.next()
        return (
            f"POST {target} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
            f"X-Forwarded-For: {forwarded}\r\nAccept-Language: nl\r\n\r\n"
        ).encode() + body

    async def exchange(payload):
        reused = bool(idle)
        reader, writer = idle.pop() if reused else await asyncio.open_connection(host, port)
        try:
            writer.write(payload)
            await writer.drain()
            status, keep_alive = await read_response(reader)
        except (ConnectionError, asyncio.IncompleteReadError):
            writer.close()
            if reused:  # the server closed an idle keep-alive connection: one retry on a new one
                reader, writer = await asyncio.open_connection(host, port)
                writer.write(payload)
                await writer.drain()
                status, keep_alive = await read_response(reader)
            else:
                raise
        if keep_alive:
            idle.append((reader, writer))
        else:
            writer.close()
        return status

    async def one(due):
        nonlocal in_flight, in_flight_peak
        lags.append(loop.time() - due)  # the client's own lateness: the event loop was busy
        payload = request_bytes()  # built now: the address sequence follows the schedule
        async with gate:
            in_flight += 1
            in_flight_peak = max(in_flight_peak, in_flight)
            sent = loop.time()
            slot_waits.append(sent - due)
            try:
                status = await asyncio.wait_for(exchange(payload), timeout)
                statuses[status] += 1
                if status not in ok_statuses:
                    errors[f"status {status}"] += 1
            except TimeoutError:
                errors["timeout"] += 1
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                errors[type(error).__name__] += 1
            finally:
                in_flight -= 1
            finished = loop.time()
            latencies.append(finished - due)
            service.append(finished - sent)

    total = int(rate * duration)
    t0 = loop.time() + 0.1
    tasks = {}
    for index in range(total):
        due = t0 + index / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks[asyncio.create_task(one(due))] = due
    send_end = loop.time()
    # Hard stop: whatever has not finished `timeout` seconds after the last send is abandoned.
    _done, pending = await asyncio.wait(tasks, timeout=max(0.0, t0 + duration + timeout - loop.time()) + 1)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
        errors["abandoned at the deadline"] += len(pending)
    end = loop.time()
    latencies.extend(end - tasks[task] for task in pending)  # at least this late: counted in the percentiles
    for _reader, writer in idle:
        writer.close()
    latencies.sort()
    service.sort()
    lags.sort()
    slot_waits.sort()

    def ms(values, fraction):
        value = percentile(values, fraction)
        return None if value is None else round(value * 1000, 2)

    return {
        "offered_rate": rate,
        "duration_s": duration,
        "requests": total,
        "achieved_send_rate": round(total / max(send_end - t0, 1e-9), 1),
        "completed_rate": round(total / max(end - t0, 1e-9), 1),
        "ok": sum(count for status, count in statuses.items() if status in ok_statuses),
        "statuses": {str(key): value for key, value in sorted(statuses.items())},
        "errors": dict(errors),
        "error_count": sum(errors.values()),
        "p50_ms": ms(latencies, 0.50),
        "p90_ms": ms(latencies, 0.90),
        "p99_ms": ms(latencies, 0.99),
        "p999_ms": ms(latencies, 0.999),
        "max_ms": ms(latencies, 1.0),
        "service_p50_ms": ms(service, 0.50),
        "service_p99_ms": ms(service, 0.99),
        "client_lag_p99_ms": ms(lags, 0.99),
        "client_lag_max_ms": ms(lags, 1.0),
        "in_flight_peak": in_flight_peak,
        "max_in_flight": max_in_flight,
        "slot_wait_p99_ms": ms(slot_waits, 0.99),
        "unique": bodies.unique if bodies else 0,
        "duplicates": bodies.duplicates if bodies else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--consent-version", type=int)
    parser.add_argument("--municipalities", default="")
    parser.add_argument("--duplicates", type=float, default=0.05)
    parser.add_argument("--get", action="store_true", help="GET the URL instead of posting sign forms")
    args = parser.parse_args()
    if urlsplit(args.url).hostname not in {"127.0.0.1", "localhost"}:
        parser.error("loopback only: the URL must be on 127.0.0.1")
    bodies = (
        None
        if args.get
        else SignBodies(
            f"fixed{int(time.time())}", args.consent_version, args.municipalities.split(","), args.duplicates
        )
    )
    result = asyncio.run(
        run_fixed_rate(
            args.url,
            args.rate,
            args.duration,
            bodies,
            timeout=args.timeout,
            ok_statuses=(200,) if args.get else (302,),
            method="GET" if args.get else "POST",
        )
    )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
