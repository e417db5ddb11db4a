"""The connection layer (issue 11, defect 3 and the protocol findings): read and idle
timeouts, a connection cap with a fast 503, idle clients hold no thread, one Content-Length
only, a body shorter than its bytes closes the connection, http.server's own errors as JSON
with the security headers, request ids in headers, error bodies and log lines. Issue 24: large
bodies, Expect: 100-continue and clients that never read hold no worker either, each client
address gets a share of the cap, absolute-form targets and odd Content-Lengths, running out
of file descriptors, CORS on the connection layer's own answers."""
import http.client
import json
import os
import resource
import socket
import threading
import time
import unittest

from support import ServerTestCase, request

SECURITY = ("X-Content-Type-Options", "X-Frame-Options", "Cache-Control")


def raw_exchange(port, data, timeout=5, read_until_close=True):
    """Sends bytes, returns everything the server sent until it closed (or the timeout)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if not read_until_close:
                    break
        except socket.timeout:
            chunks.append(b"<timeout>")
        return b"".join(chunks)


def parse(raw):
    """(status, headers, body) of the first response in raw bytes."""
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(rest)))
    return int(lines[0].split()[1]), headers, rest[:length]


class ProtocolErrors(ServerTestCase):
    def assertJsonError(self, raw, status, code):
        got, headers, body = parse(raw)
        self.assertEqual(got, status, raw[:300])
        self.assertEqual(headers["content-type"], "application/json; charset=utf-8")
        for name in SECURITY:
            self.assertIn(name.lower(), headers, raw[:300])
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], code)
        self.assertTrue(error["message"])
        self.assertEqual(error["request_id"], headers["x-request-id"])
        return headers

    def test_two_content_lengths_are_400(self):
        raw = raw_exchange(self.port, b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                      b"Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}")
        self.assertJsonError(raw, 400, "bad_request")

    def test_a_short_content_length_never_reads_the_rest_as_a_request(self):
        smuggled = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
        raw = raw_exchange(self.port, b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                      b"Content-Length: 2\r\n\r\n{}" + smuggled)
        self.assertEqual(raw.count(b"HTTP/1.1 "), 1, raw)
        self.assertNotIn(b'"status":"ok"', raw)
        self.assertNotIn(b"<timeout>", raw)  # and the server closed the connection

    def test_pipelined_requests_without_bodies_are_all_answered(self):
        one = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
        raw = raw_exchange(self.port, one * 2 + b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertEqual(raw.count(b'"status":"ok"'), 3, raw)

    def test_http_servers_own_errors_are_json_with_security_headers(self):
        self.assertJsonError(raw_exchange(self.port, b"TRACE /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"),
                             501, "not_implemented")
        self.assertJsonError(raw_exchange(self.port, b"BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n"), 501, "not_implemented")
        self.assertJsonError(raw_exchange(self.port, b"GARBAGE\r\n\r\n"), 400, "bad_request")
        self.assertJsonError(raw_exchange(self.port, b"GET / HTTP/2.0\r\nHost: x\r\n\r\n"), 505,
                             "http_version_not_supported")
        self.assertJsonError(raw_exchange(self.port, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n"), 414, "uri_too_long")
        many = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"y" * 200) for i in range(400))
        self.assertJsonError(raw_exchange(self.port, b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n"), 431,
                             "headers_too_large")


class RequestIds(ServerTestCase):
    settings = {"quiet": False}

    def test_every_answer_has_a_request_id_that_errors_and_the_log_repeat(self):
        ok = self.call("GET", "/api/v1/health")
        self.assertRegex(ok.header("X-Request-Id"), r"^[0-9a-f]{16}$")
        error = self.call("GET", "/api/v1/customers")
        rid = error.header("X-Request-Id")
        self.assertNotEqual(rid, ok.header("X-Request-Id"))
        self.assertEqual(error.json["error"]["request_id"], rid)
        deadline = time.time() + 5
        while not any(rid in line for line in self.log_lines) and time.time() < deadline:
            time.sleep(0.02)
        line = next(line for line in self.log_lines if rid in line)
        self.assertIn("GET /api/v1/customers 401", line)
        page = self.call("GET", "/api/v1/health", headers={"X-Request-Id": "proxy-0042-abcd"})
        self.assertEqual(page.header("X-Request-Id"), "proxy-0042-abcd")
        evil = self.call("GET", "/api/v1/health", headers={"X-Request-Id": "bad id\u00e9"})
        self.assertRegex(evil.header("X-Request-Id"), r"^[0-9a-f]{16}$")

    def test_log_lines_hold_no_secrets(self):
        token = self.sign_in("logs@example.com")
        customer = self.invite(token, 1)
        link = customer["invitation"]["url"]
        secret = link.rsplit("/", 1)[1]
        self.call("GET", link[link.index("/invite/"):])
        self.call("POST", f"/api/v1/invitations/{secret}/accept", {"demo": True})
        self.call("GET", "/api/v1/customers?q=Secret%20Search", token=token)
        time.sleep(0.2)
        text = "\n".join(self.log_lines)
        self.assertNotIn(secret, text)  # the outbox line names the customer, not the link (issue 24)
        self.assertNotIn(token, text)
        self.assertNotIn("Secret", text)


class JsonLogs(ServerTestCase):
    settings = {"quiet": False, "log_json": True}

    def test_log_json_writes_one_object_per_request(self):
        reply = self.call("GET", "/api/v1/health")
        rid = reply.header("X-Request-Id")
        deadline = time.time() + 5
        while not any(rid in line for line in self.log_lines) and time.time() < deadline:
            time.sleep(0.02)
        entry = json.loads(next(line for line in self.log_lines if rid in line))
        self.assertEqual({k: entry[k] for k in ("request_id", "method", "path", "status")},
                         {"request_id": rid, "method": "GET", "path": "/api/v1/health", "status": 200})
        self.assertIsInstance(entry["ms"], float)


class Timeouts(ServerTestCase):
    settings = {"header_timeout": 0.6, "body_timeout": 0.6, "idle_timeout": 0.6}

    def closed_within(self, sock, seconds):
        sock.settimeout(seconds)
        data = b""
        started = time.monotonic()
        try:
            while True:
                chunk = sock.recv(4096)
                if not chunk:
                    return data, time.monotonic() - started
                data += chunk
        except socket.timeout:
            self.fail(f"still open after {seconds} s: {data!r}")

    def test_headers_that_never_end_are_cut_off(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  # no blank line, ever
            data, _ = self.closed_within(sock, 5)
        self.assertEqual(data, b"")

    def test_a_trickling_client_is_cut_off_at_the_header_deadline(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            started = time.monotonic()
            try:
                for _ in range(40):  # one byte every 0.1 s would outlive any per-read timeout
                    sock.sendall(b"X")
                    time.sleep(0.1)
            except OSError:
                pass
            self.assertLess(time.monotonic() - started, 3.5)

    def test_a_body_shorter_than_its_length_is_408_then_closed(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            sock.sendall(b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100\r\n\r\n{\"email\":")
            data, _ = self.closed_within(sock, 5)
        status, _, body = parse(data)
        self.assertEqual(status, 408)
        self.assertEqual(json.loads(body)["error"]["code"], "request_timeout")

    def test_an_idle_kept_alive_connection_is_closed(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            data, _ = self.closed_within(sock, 5)
        self.assertIn(b'"status":"ok"', data)

    def test_a_silent_connection_is_closed(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            data, _ = self.closed_within(sock, 5)
        self.assertEqual(data, b"")


class ConnectionCap(ServerTestCase):
    settings = {"max_connections": 20}

    def test_past_the_cap_a_new_client_gets_a_fast_503_and_idle_clients_hold_no_thread(self):
        threads_before = threading.active_count()
        # Four connections from each of five addresses: every address within its share (5 of 20).
        idle = [connect(self.port, f"127.0.0.{10 + n % 5}") for n in range(20)]
        try:
            time.sleep(0.3)
            # Twenty open connections, not twenty more threads.
            self.assertLess(threading.active_count() - threads_before, 5)
            started = time.monotonic()
            raw = raw_exchange(self.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertLess(time.monotonic() - started, 2)
            status, headers, body = parse(raw)
            self.assertEqual(status, 503)
            self.assertEqual(json.loads(body)["error"]["code"], "overloaded")
            self.assertEqual(headers["retry-after"], "1")
            self.assertIn("x-frame-options", headers)
        finally:
            for sock in idle:
                sock.close()
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                if request(self.port, "GET", "/api/v1/health").status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        self.assertEqual(request(self.port, "GET", "/api/v1/health").status, 200)


class SlowClients(ServerTestCase):
    settings = {"max_connections": 200}

    def test_slow_clients_do_not_hold_back_others(self):
        slow = []
        try:
            for n in range(60):  # more than there are worker threads, from two addresses
                sock = connect(self.port, f"127.0.0.{2 + n % 2}")
                sock.sendall(b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")
                slow.append(sock)
            replies = [request(self.port, "GET", "/api/v1/health") for _ in range(30)]
            self.assertEqual({r.status for r in replies}, {200})
        finally:
            for sock in slow:
                sock.close()


def connect(port, source="127.0.0.1", receive_buffer=None, timeout=5):
    """A client socket from one of the loopback addresses (127.0.0.x are all this machine)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(timeout)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def first_bytes(sock, count=12, timeout=5):
    """The first bytes the server sends (b"" if it closed, b"<timeout>" if nothing came)."""
    sock.settimeout(timeout)
    data = b""
    try:
        while len(data) < count:
            chunk = sock.recv(count - len(data))
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        return data or b"<timeout>"
    except OSError:
        pass
    return data


def read_response(sock, timeout=10):
    """One whole response (headers and a Content-Length body) from a kept-alive connection."""
    sock.settimeout(timeout)
    data = b""
    try:
        while True:
            head, found, rest = data.partition(b"\r\n\r\n")
            if found:
                length = parse(data)[1].get("content-length")
                if length is not None and len(rest) >= int(length):
                    return data
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk
    except socket.timeout:
        return data + b"<timeout>"


def health_latencies(port, count, source="127.0.0.1"):
    """(milliseconds of each GET /api/v1/health on fresh connections, failures)."""
    took, failed = [], []
    for _ in range(count):
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(source, 0))
            conn.request("GET", "/api/v1/health")
            status = conn.getresponse().status
            conn.close()
        except OSError as error:
            status = repr(error)
        took.append((time.perf_counter() - started) * 1000)
        if status != 200:
            failed.append(status)
    return took, failed


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class HostileClientsHoldNoWorker(ServerTestCase):
    """Issue 24, defect 1: 40 clients trickling bodies, 40 pipelining requests they never read
    and 40 sending Expect: 100-continue and then nothing stopped the whole API (32 workers).
    Now the selector thread holds them all and /health keeps answering."""

    def test_health_answers_while_120_hostile_clients_are_connected(self):
        port = self.port
        opened = []
        stop = threading.Event()
        try:
            # 40 trickling: half declare 4 MiB (over the limit), half 512 KiB; a byte every 0.3 s.
            trickling = []
            for n in range(40):
                length = 4 * 1024 * 1024 if n % 2 == 0 else 512 * 1024
                sock = connect(port, "127.0.0.2")
                sock.sendall(b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n{" % length)
                trickling.append((length, sock))
            opened += [sock for _, sock in trickling]

            def trickle():
                while not stop.wait(0.3):
                    for _, sock in trickling:
                        try:
                            sock.send(b" ")
                        except OSError:
                            pass
            threading.Thread(target=trickle, daemon=True).start()
            # 40 non-reading: 40 pipelined requests for the 100 KiB OpenAPI document each, never read.
            for _ in range(40):
                sock = connect(port, "127.0.0.3", receive_buffer=4096)
                sock.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n" * 40)
                opened.append(sock)
            # 40 Expect: 100-continue with the body withheld: half over the limit, half under.
            expecting = []
            for n in range(40):
                length = 4 * 1024 * 1024 if n % 2 == 0 else 1000
                sock = connect(port, "127.0.0.4")
                sock.sendall(b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % length)
                expecting.append((length, sock))
            opened += [sock for _, sock in expecting]

            # Expect is answered at once: 413 for a body over the limit, else 100 Continue.
            for length, sock in expecting:
                answer = first_bytes(sock)
                self.assertEqual(answer, b"HTTP/1.1 413" if length > 1024 * 1024 else b"HTTP/1.1 100", answer)
            # A body declared over the limit is refused at once, not read a byte at a time.
            for length, sock in trickling:
                if length > 1024 * 1024:
                    self.assertEqual(first_bytes(sock), b"HTTP/1.1 413")

            # No worker thread is held by any of them.
            deadline = time.monotonic() + 3
            while self.server.httpd.busy and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertEqual(self.server.httpd.busy, 0)

            took, failed = health_latencies(port, 60)
            self.assertEqual(failed, [])
            print(f"\n/health with 40 trickling, 40 non-reading and 40 Expect clients connected: "
                  f"p50 {percentile(took, 0.5):.1f} ms, p95 {percentile(took, 0.95):.1f} ms (target < 100 ms)",
                  flush=True)
        finally:
            stop.set()
            for sock in opened:
                sock.close()

    def test_a_client_that_never_reads_its_answers_holds_no_worker(self):
        sock = connect(self.port, "127.0.0.5", receive_buffer=4096)
        try:
            # 60 answers of 100 KiB: more than the socket buffers hold, so the server must keep
            # the rest until the client reads.
            sock.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n" * 60)
            deadline = time.monotonic() + 5
            httpd = self.server.httpd
            while not any(c.state == "writing" for c in list(httpd.connections.values())) \
                    and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertTrue(any(c.state == "writing" for c in list(httpd.connections.values())))
            self.assertEqual(httpd.busy, 0)
        finally:
            sock.close()

    def test_pipelined_answers_come_back_whole_and_in_order(self):
        sock = connect(self.port, "127.0.0.5")
        try:
            paths = [b"/api/v1/openapi.json", b"/api/v1/health"] * 4
            sock.sendall(b"".join(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path for path in paths))
            stream = sock.makefile("rb")
            for path in paths:
                status = int(stream.readline().split()[1])
                headers = {}
                for line in iter(stream.readline, b"\r\n"):
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self.assertEqual(status, 200)
                self.assertEqual(json.loads(body).get("status") == "ok", path == b"/api/v1/health", path)
        finally:
            sock.close()


class SlowReadersAreCutOff(ServerTestCase):
    settings = {"write_timeout": 0.8}

    def test_an_answer_nobody_takes_is_dropped_after_the_write_deadline(self):
        sock = connect(self.port, "127.0.0.6", receive_buffer=4096)
        try:
            sock.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n" * 20)
            deadline = time.monotonic() + 5
            while self.server.httpd.open_connections() and time.monotonic() < deadline:
                time.sleep(0.1)
            self.assertEqual(self.server.httpd.open_connections(), 0)
        finally:
            sock.close()


class FairShareOfTheCap(ServerTestCase):
    settings = {"max_connections": 20}

    def test_one_address_cannot_take_every_slot(self):
        hog = []
        try:
            statuses = []
            for _ in range(20):
                sock = connect(self.port, "127.0.0.7")
                sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                hog.append(sock)
                statuses.append(parse(read_response(sock))[0])
            # A quarter of the cap each (5 of 20): the rest of that address is told to wait.
            self.assertEqual(statuses.count(200), 5, statuses)
            self.assertEqual(statuses.count(503), 15, statuses)
            took, failed = health_latencies(self.port, 3, source="127.0.0.8")
            self.assertEqual(failed, [])
        finally:
            for sock in hog:
                sock.close()


class RequestTargets(ServerTestCase):
    def test_an_absolute_form_target_gets_the_api_headers(self):
        token = self.sign_in("absolute@example.com")
        for path in ("/api/v1/health", "/api/v1/me"):
            with self.subTest(path=path):
                raw = raw_exchange(self.port, b"GET http://127.0.0.1:%d%s HTTP/1.1\r\nHost: x\r\n"
                                              b"Authorization: Bearer %s\r\nConnection: close\r\n\r\n"
                                   % (self.port, path.encode(), token.encode()))
                status, headers, _ = parse(raw)
                self.assertEqual(status, 200, raw[:300])
                self.assertEqual(headers.get("cache-control"), "no-store")
                for name in ("content-security-policy", "x-frame-options", "referrer-policy",
                             "x-content-type-options"):
                    self.assertIn(name, headers)

    def test_odd_content_lengths_are_400_or_413_and_the_server_lives_on(self):
        cases = [(b"\xb2", 400), (b"\xc2\xb2", 400), (b"+2", 400), (b"0x2", 400), (b"-1", 400), (b"2 2", 400),
                 (b"9" * 5000, 413), (b"99999999999999999999999", 413)]
        for value, status in cases:
            with self.subTest(value=value[:20]):
                raw = raw_exchange(self.port, b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\n"
                                              b"Content-Type: application/json\r\nContent-Length: " + value +
                                   b"\r\n\r\n{}")
                self.assertEqual(parse(raw)[0], status, raw[:300])
        self.assertEqual(request(self.port, "GET", "/api/v1/health").status, 200)


class FoldedHeaders(ServerTestCase):
    def test_folded_headers_and_space_before_the_colon_are_400(self):
        for head in (b"Content-Length : 2\r\n", b"X-Note: one\r\n  two\r\nContent-Length: 2\r\n"):
            with self.subTest(head=head):
                raw = raw_exchange(self.port, b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\n"
                                              b"Content-Type: application/json\r\n" + head + b"\r\n{}")
                self.assertEqual(parse(raw)[0], 400, raw[:300])


class CorsOnTheConnectionLayersAnswers(ServerTestCase):
    settings = {"allow_origins": ("https://console.example.com",), "body_timeout": 0.5, "max_connections": 8}
    ORIGIN = b"Origin: https://console.example.com\r\n"

    def assertCors(self, raw, status):
        got, headers, _ = parse(raw)
        self.assertEqual(got, status, raw[:300])
        self.assertEqual(headers.get("access-control-allow-origin"), "https://console.example.com", raw[:400])
        self.assertIn("Retry-After", headers.get("access-control-expose-headers", ""))

    def test_408_431_501_and_503_carry_cors_headers(self):
        self.assertCors(raw_exchange(self.port, b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\n" + self.ORIGIN +
                                     b"Content-Length: 10\r\n\r\n{"), 408)
        many = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"y" * 200) for i in range(400))
        self.assertCors(raw_exchange(self.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + self.ORIGIN + many +
                                     b"\r\n"), 431)
        self.assertCors(raw_exchange(self.port, b"TRACE /api/v1/health HTTP/1.1\r\nHost: x\r\n" + self.ORIGIN +
                                     b"\r\n"), 501)
        held = [connect(self.port, f"127.0.0.{20 + n}") for n in range(8)]
        try:
            time.sleep(0.2)
            raw = raw_exchange(self.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + self.ORIGIN + b"\r\n")
            self.assertCors(raw, 503)
            self.assertEqual(parse(raw)[1]["retry-after"], "1")
        finally:
            for sock in held:
                sock.close()


def cpu_seconds(stat):
    """CPU time a thread used so far, from its /proc stat file (opened beforehand: reading it
    must not need a new file descriptor)."""
    stat.seek(0)
    fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class OutOfFileDescriptors(ServerTestCase):
    settings = {"quiet": False}

    def test_the_selector_backs_off_keeps_serving_and_logs_once(self):
        kept = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        kept.request("GET", "/api/v1/health")
        self.assertEqual(kept.getresponse().read()[:1], b"{")
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        newcomer = None
        stat = open(f"/proc/self/task/{self.server.thread.native_id}/stat")
        clock_tick = os.sysconf("SC_CLK_TCK")
        self.assertGreater(clock_tick, 0)
        try:
            # A new descriptor takes the lowest free number, and only numbers under the limit
            # can be taken: with the limit one past the lowest free one, one more socket fits.
            probe = os.dup(0)
            os.close(probe)
            resource.setrlimit(resource.RLIMIT_NOFILE, (probe + 1, hard))
            # The client's socket takes the last descriptor: the server cannot accept it.
            newcomer = socket.create_connection(("127.0.0.1", self.port))
            newcomer.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            before = cpu_seconds(stat)
            time.sleep(1.5)
            spent = cpu_seconds(stat) - before
            # A connection it already has is still answered.
            kept.request("GET", "/api/v1/health")
            self.assertEqual(kept.getresponse().status, 200)
        finally:
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
            stat.close()
        try:
            # Spinning on the readable listener used all the CPU it got; backing off uses next to none.
            self.assertLess(spent, 0.15, f"the selector thread used {spent:.2f} s of CPU in 1.5 s")
            self.assertEqual(parse(read_response(newcomer))[0], 200)
            said = [line for line in self.log_lines if "file descriptors" in line]
            self.assertEqual(len(said), 1, said)
        finally:
            newcomer.close()
            kept.close()


if __name__ == "__main__":
    unittest.main()
