"""The socket layer: one selector thread owns every connection. It reads each request whole
(headers within 10 s, a body of at most 1 MiB within 30 s, an idle keep-alive closed after
15 s) before a worker thread sees it, answers what it can decide alone at once (a body over
the limit, Expect: 100-continue, a client over its share), and writes what a client does not
take at once, so neither slow senders nor slow readers hold a thread. Past the connection cap,
or past a client address's share of it, a new client gets a fast 503. Knows bytes and HTTP
framing only (framing.py); server.py answers the requests."""
import collections
import concurrent.futures
import dataclasses
import errno
import selectors
import socket
import threading
import time

from .framing import MORE, Rejected, frame

# accept() fails with these when the process or the machine is out of descriptors or memory.
OUT_OF_RESOURCES = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}


@dataclasses.dataclass
class Limits:
    header_timeout: float = 10      # from a request's first byte (or the connect) to its blank line
    body_timeout: float = 30        # from the blank line to the last byte of the body
    idle_timeout: float = 15        # a kept-alive connection with no new request
    write_timeout: float = 30       # a client that takes none of its answer for this long is dropped
    max_connections: int = 512
    per_client: int = 0             # connections one client address may hold; 0: a quarter of the cap
    workers: int = 32
    max_line: int = 65536           # request line; longer: 414
    max_header_bytes: int = 65536   # request line and headers; more: 431
    max_body: int = 1024 * 1024     # larger: 413 at once
    refuse_timeout: float = 1       # a refused client's headers are read this long (for CORS)
    refusing: int = 64              # refused clients read at a time; past it the 503 goes out bare
    linger: float = 2               # after a last answer, unread bytes are dropped this long ...
    linger_bytes: int = 8 * 1024 * 1024  # ... up to this many (a refused body), then it closes
    accept_backoff: float = 0.5     # out of file descriptors: wait this long before accepting again

    def share(self):
        return self.per_client or max(1, self.max_connections // 4)


class Connection:
    __slots__ = ("sock", "address", "client", "buffer", "state", "deadline", "need", "header_end", "served",
                 "out", "sent", "stream", "keep", "failed", "refusal")

    def __init__(self, sock, address, client, deadline, refusal=None):
        self.sock = sock
        self.address = address
        self.client = client        # whose share it counts against; None: exempt (a trusted proxy)
        self.buffer = bytearray()
        # waiting -> headers -> body -> busy (a worker answers) -> writing (the selector sends
        # what the socket did not take at once) -> waiting again, or closed
        self.state = "waiting"
        self.deadline = deadline
        self.need = 0               # bytes of buffer that make up the whole request
        self.header_end = 0
        self.served = 0
        self.out = b""              # the answer's bytes not yet sent, from `sent` on
        self.sent = 0
        self.stream = None          # the rest of a streamed answer's body (an iterator of bytes)
        self.keep = False
        self.failed = False
        self.refusal = refusal      # (status, message): over the cap, answered once its headers are in


class Request:
    """One framed request handed to a worker: its bytes, and whether the connection may be
    kept after the answer."""

    def __init__(self, connection, data, body_length, trailing):
        self.connection = connection
        self.data = data
        self.body_length = body_length
        # Bytes that came right behind a body: a Content-Length shorter than what was sent.
        # They are never read as the next request (request smuggling); the connection closes.
        self.trailing = trailing


@dataclasses.dataclass
class Answer:
    """What a worker made of a request: the bytes to send, the rest of a streamed body, and
    whether the connection may serve another request afterwards."""
    data: bytes
    stream: object = None
    keep: bool = False


class ConnectionServer:
    """Accepts, frames and hands requests to `handle(request) -> Answer` on a pool."""

    def __init__(self, host, port, handle, reject, limits=None, log=None, client_of=None):
        self.handle = handle
        self.reject = reject            # reject(status, message, head) -> bytes of a whole response
        self.limits = limits or Limits()
        self.log = log or (lambda line, **fields: None)
        self.client_of = client_of or (lambda address: address[0])  # address -> share key or None
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.listener = socket.create_server((host, port), family=family, backlog=1024)
        self.listener.setblocking(False)
        self.server_address = self.listener.getsockname()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.accept_paused_until = None  # out of descriptors: when to try accepting again
        self.out_of_descriptors_since = None
        self.wake_reader, self.wake_writer = socket.socketpair()
        self.wake_reader.setblocking(False)
        self.selector.register(self.wake_reader, selectors.EVENT_READ, "wake")
        self.pool = concurrent.futures.ThreadPoolExecutor(self.limits.workers, thread_name_prefix="partner-api")
        self.connections = {}           # socket -> Connection, every open one
        self.admitted = 0               # connections counted against the cap
        self.per_client = collections.Counter()
        self.refusing = 0               # over the cap, their headers being read for the 503
        self.lingering = {}             # socket -> [when to close it, bytes it may still drop]
        self.returned = collections.deque()
        self.lock = threading.Lock()
        self.busy = 0                   # requests a worker is answering
        self.stopping = False
        self.give_up = False            # stopping took longer than the grace period
        self.stopped = threading.Event()
        self.refused = 0                # connections answered 503 at the cap

    def open_connections(self):
        return len(self.connections)

    # -- the selector thread -------------------------------------------------------------------
    def serve_forever(self):
        try:
            while True:
                if self.stopping:
                    self._stop_listening()
                    self._close_idle()
                    if self.give_up or not self._in_flight():
                        break
                for key, events in self.selector.select(timeout=0.25):
                    try:
                        self._dispatch(key, events)
                    except Exception as error:  # one connection's bug never stops the others
                        self.log(f"connection error: {error!r}", level="error")
                        if isinstance(key.data, Connection):
                            self._close(key.data)
                self._take_returned()
                now = time.monotonic()
                self._expire(now)
                self._resume_accepting(now)
        finally:
            self._stop_listening()
            for conn in list(self.connections.values()):
                self._close(conn)
            for sock in list(self.lingering):
                self._end_linger(sock)
            self.selector.close()
            self.stopped.set()

    def _dispatch(self, key, events):
        if key.data == "accept":
            self._accept()
        elif key.data == "wake":
            self._drain_wakeups()
        elif key.data == "linger":
            self._drop(key.fileobj)
        elif key.data.state == "writing":
            self._write(key.data)
        else:
            self._read(key.data)

    def _in_flight(self):
        with self.lock:
            if self.busy or self.returned:
                return True
        return any(conn.state == "writing" for conn in self.connections.values())

    def _stop_listening(self):
        if self.listener.fileno() >= 0:
            if self.accept_paused_until is None:
                self.selector.unregister(self.listener)
            self.listener.close()

    def _take_connection(self):
        return self.listener.accept()

    def _accept(self):
        while not self.stopping:
            try:
                sock, address = self._take_connection()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                if error.errno in OUT_OF_RESOURCES:
                    self._pause_accepting(error)
                return
            sock.setblocking(False)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            self._admit(sock, address)

    def _admit(self, sock, address):
        now = time.monotonic()
        client = self.client_of(address)
        if self.admitted >= self.limits.max_connections:
            refusal = (503, "The server is at its connection limit. Try again in a moment.")
        elif client is not None and self.per_client[client] >= self.limits.share():
            refusal = (503, "Too many connections from your address. Close some, or try again in a moment.")
        else:
            conn = Connection(sock, address, client, now + self.limits.header_timeout)
            self.admitted += 1
            if client is not None:
                self.per_client[client] += 1
            self.connections[sock] = conn
            self.selector.register(sock, selectors.EVENT_READ, conn)
            return
        self.refused += 1
        if self.refusing >= self.limits.refusing:
            self._linger(sock, self.reject(refusal[0], refusal[1], b""))
            return
        # Its headers are read (a second at most) so the 503 can carry CORS headers.
        conn = Connection(sock, address, None, now + self.limits.refuse_timeout, refusal)
        self.refusing += 1
        self.connections[sock] = conn
        self.selector.register(sock, selectors.EVENT_READ, conn)

    def _pause_accepting(self, error):
        """Out of file descriptors: the listener stays readable, so trying again at once would
        spin. Stop watching it for a moment, keep serving the connections there are; say so
        once per episode."""
        now = time.monotonic()
        self.selector.unregister(self.listener)
        self.accept_paused_until = now + self.limits.accept_backoff
        if self.out_of_descriptors_since is None:
            self.out_of_descriptors_since = now
            self.log(f"Cannot accept new connections: out of file descriptors ({error.strerror}). Serving the "
                     f"{len(self.connections)} open connections and trying again every "
                     f"{self.limits.accept_backoff:g} s; raise the limit (ulimit -n) or lower --max-connections.",
                     level="error")

    def _resume_accepting(self, now):
        if self.accept_paused_until is None or now < self.accept_paused_until or self.stopping:
            return
        self.accept_paused_until = None
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self._accept()
        if self.accept_paused_until is None and self.out_of_descriptors_since is not None:
            self.log(f"Accepting new connections again after {now - self.out_of_descriptors_since:.1f} s.")
            self.out_of_descriptors_since = None

    def _read(self, conn):
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close(conn)
            return
        if conn.state == "waiting":
            conn.state = "headers"
            if conn.refusal is None:
                conn.deadline = time.monotonic() + self.limits.header_timeout
        conn.buffer += data
        self._advance(conn)

    def _advance(self, conn):
        if conn.state in ("waiting", "headers") and conn.buffer:
            conn.state = "headers"
            framed = frame(conn.buffer, self.limits)
            if conn.refusal is not None:
                if framed is not MORE or len(conn.buffer) > 8192:
                    self._refuse(conn, *conn.refusal)
                return
            if framed is MORE:
                return
            if isinstance(framed, Rejected):
                self._refuse(conn, framed.status, framed.message)
                return
            conn.header_end, conn.need = framed.header_end, framed.total
            conn.state = "body"
            conn.deadline = time.monotonic() + self.limits.body_timeout
            if framed.expect_continue and len(conn.buffer) < conn.need:
                self._send_quietly(conn, b"HTTP/1.1 100 Continue\r\n\r\n")
        if conn.state == "body" and len(conn.buffer) >= conn.need:
            data = bytes(conn.buffer[:conn.need])
            del conn.buffer[:conn.need]
            body_length = conn.need - conn.header_end
            request = Request(conn, data, body_length, body_length > 0 and bool(conn.buffer))
            conn.state = "busy"
            self.selector.unregister(conn.sock)
            with self.lock:
                self.busy += 1
            self.pool.submit(self._work, request)

    def _refuse(self, conn, status, message):
        """Answers once and closes: a request that cannot be framed, or a client over the cap."""
        self._forget(conn)
        try:
            self.selector.unregister(conn.sock)
        except (KeyError, ValueError):
            pass
        self._linger(conn.sock, self.reject(status, message, conn.buffer))

    def _linger(self, sock, answer):
        """Sends a last answer, then reads and drops what the client still sends for a
        moment before closing: closing on unread bytes would reset the connection and the
        client might never see the answer."""
        try:
            if answer:
                sock.send(answer)
            sock.shutdown(socket.SHUT_WR)
            self.selector.register(sock, selectors.EVENT_READ, "linger")
            self.lingering[sock] = [time.monotonic() + self.limits.linger, self.limits.linger_bytes]
        except OSError:
            sock.close()

    def _drop(self, sock):
        entry = self.lingering[sock]
        try:
            while entry[1] > 0:
                data = sock.recv(65536)
                if not data:
                    break  # the client closed its side
                entry[1] -= len(data)
            closed = True
        except (BlockingIOError, InterruptedError):
            closed = False
        except OSError:
            closed = True
        if closed:
            self._end_linger(sock)

    def _end_linger(self, sock):
        self.lingering.pop(sock, None)
        try:
            self.selector.unregister(sock)
        except (KeyError, ValueError):
            pass
        sock.close()

    def _send_quietly(self, conn, data):
        try:
            conn.sock.send(data)  # small (100 Continue): fits in the socket's buffer
        except OSError:
            pass

    def _expire(self, now):
        for sock in [s for s, (until, _) in self.lingering.items() if until <= now]:
            self._end_linger(sock)
        for conn in [c for c in self.connections.values() if c.state != "busy" and c.deadline <= now]:
            if conn.refusal is not None:
                self._refuse(conn, *conn.refusal)
            elif conn.state == "body":
                self._refuse(conn, 408, "The request body did not arrive within 30 seconds.")
            else:
                # No request, headers that never ended, or an answer the client does not take.
                self._close(conn)

    def _close_idle(self):
        for conn in [c for c in self.connections.values() if c.state == "waiting" or c.refusal is not None]:
            self._close(conn)

    def _forget(self, conn):
        """Takes the connection out of the open ones and of its client's share."""
        if self.connections.pop(conn.sock, None) is None:
            return
        if conn.refusal is not None:
            self.refusing -= 1
            return
        self.admitted -= 1
        if conn.client is not None:
            self.per_client[conn.client] -= 1
            if self.per_client[conn.client] <= 0:
                del self.per_client[conn.client]

    def _close(self, conn):
        if conn.sock not in self.connections:
            return
        self._forget(conn)
        if conn.state != "busy":
            try:
                self.selector.unregister(conn.sock)
            except (KeyError, ValueError):
                pass
        try:
            conn.sock.close()
        except OSError:
            pass

    def _take_returned(self):
        while True:
            with self.lock:
                if not self.returned:
                    return
                conn = self.returned.popleft()
            if conn.failed or conn.sock not in self.connections:
                self._close(conn)
            elif conn.out:
                # The socket took part of the answer: the rest goes out as the client reads.
                conn.state = "writing"
                conn.deadline = time.monotonic() + self.limits.write_timeout
                self.selector.register(conn.sock, selectors.EVENT_WRITE, conn)
            else:
                self._answered(conn, registered=False)

    def _write(self, conn):
        try:
            sent = conn.sock.send(memoryview(conn.out)[conn.sent:])
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._close(conn)
            return
        if sent:
            conn.sent += sent
            conn.deadline = time.monotonic() + self.limits.write_timeout
        if conn.sent < len(conn.out):
            return
        conn.out, conn.sent = b"", 0
        if conn.stream is not None:
            # More of a streamed answer: a worker makes the next piece (it reads the database).
            conn.state = "busy"
            self.selector.unregister(conn.sock)
            with self.lock:
                self.busy += 1
            self.pool.submit(self._continue, conn)
        else:
            self._answered(conn, registered=True)

    def _answered(self, conn, registered):
        """The whole answer is out: wait for the next request, or close."""
        conn.served += 1
        if not conn.keep or self.stopping:
            self._forget(conn)
            if registered:
                self.selector.unregister(conn.sock)
            self._linger(conn.sock, b"")  # the answer is out; let the client read it
            return
        conn.state = "waiting"
        conn.deadline = time.monotonic() + self.limits.idle_timeout
        if registered:
            self.selector.modify(conn.sock, selectors.EVENT_READ, conn)
        else:
            self.selector.register(conn.sock, selectors.EVENT_READ, conn)
        if conn.buffer:  # a pipelined request already arrived
            conn.state = "headers"
            conn.deadline = time.monotonic() + self.limits.header_timeout
            self._advance(conn)

    def _drain_wakeups(self):
        try:
            while self.wake_reader.recv(4096):
                pass
        except (BlockingIOError, InterruptedError, OSError):
            pass

    def _wake(self):
        try:
            self.wake_writer.send(b"\0")
        except OSError:
            pass

    # -- worker threads ------------------------------------------------------------------------
    def _work(self, request):
        conn = request.connection
        try:
            answer = self.handle(request)
            conn.out, conn.sent, conn.stream = answer.data, 0, answer.stream
            conn.keep = answer.keep and not request.trailing
            self._pump(conn)
        except Exception as error:  # a bug: the connection goes, the server stays
            self.log(f"connection error: {error!r}", level="error")
            conn.failed = True
        finally:
            self._return(conn)

    def _continue(self, conn):
        try:
            self._pump(conn)
        except Exception as error:  # a streamed answer failed half-way: the client sees it cut off
            self.log(f"streamed answer failed: {error!r}", level="error")
            conn.failed = True
        finally:
            self._return(conn)

    def _pump(self, conn):
        """Sends the answer without ever waiting for the client: what the socket does not take
        now is left for the selector thread. A streamed body is made a piece at a time, and
        only while the client takes it."""
        while True:
            if conn.sent < len(conn.out):
                try:
                    conn.sent += conn.sock.send(memoryview(conn.out)[conn.sent:])
                except (BlockingIOError, InterruptedError):
                    return
                except OSError:
                    conn.failed = True
                    return
                if conn.sent < len(conn.out):
                    return
            conn.out, conn.sent = b"", 0
            if conn.stream is None:
                return
            try:
                conn.out = next(conn.stream)
            except StopIteration:
                conn.stream = None
                return

    def _return(self, conn):
        with self.lock:
            self.returned.append(conn)
            self.busy -= 1
        self._wake()

    # -- stopping ------------------------------------------------------------------------------
    def shutdown(self, grace=10.0):
        """Stops accepting, lets the requests in flight finish and their answers go out (at most
        `grace` seconds), closes every connection; returns the number of requests still running
        at the end."""
        self.stopping = True
        self._wake()  # the selector thread closes the listening socket at once
        if not self.stopped.wait(timeout=grace):
            self.give_up = True  # past the bound: stop waiting for them
            self._wake()
            self.stopped.wait(timeout=5)
        with self.lock:
            left = self.busy
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.wake_reader.close()
        self.wake_writer.close()
        return left
