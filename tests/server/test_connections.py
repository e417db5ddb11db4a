"""The connection layer (issue 11, defect 3 and the protocol findings): read and idle
timeouts, a connection cap with a fast 503, idle clients hold no thread, one Content-Length
only, a body shorter than its bytes closes the connection, http.server's own errors as JSON
with the security headers, request ids in headers, error bodies and log lines."""
import json
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
        self.call("POST", f"/api/v1/invitations/{secret}/accept", {})
        self.call("GET", "/api/v1/customers?q=Secret%20Search", token=token)
        time.sleep(0.2)
        text = "\n".join(self.log_lines)
        self.assertNotIn(secret, text.replace(f"outbox: invitation to j.mueller1@mueller-bau-1.de: {link}", ""))
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
        idle = [socket.create_connection(("127.0.0.1", self.port)) for _ in range(20)]
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
            for _ in range(60):  # more than there are worker threads
                sock = socket.create_connection(("127.0.0.1", self.port))
                sock.sendall(b"POST /api/v1/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")
                slow.append(sock)
            replies = [request(self.port, "GET", "/api/v1/health") for _ in range(30)]
            self.assertEqual({r.status for r in replies}, {200})
        finally:
            for sock in slow:
                sock.close()


if __name__ == "__main__":
    unittest.main()
