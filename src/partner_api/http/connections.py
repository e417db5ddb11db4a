"""The socket layer: one selector thread owns every connection and reads each request whole
(headers within 10 s, body within 30 s, an idle keep-alive closed after 15 s) before a worker
thread sees it, so idle and slow clients hold no thread. Past the connection cap a new client
gets a fast 503. Knows bytes and HTTP framing only; server.py answers the requests."""
import collections
import concurrent.futures
import dataclasses
import io
import selectors
import socket
import threading
import time

HEADER_END = (b"\r\n\r\n", b"\n\n")


@dataclasses.dataclass
class Limits:
    header_timeout: float = 10      # from a request's first byte (or the connect) to its blank line
    body_timeout: float = 30        # from the blank line to the last byte of the body
    idle_timeout: float = 15        # a kept-alive connection with no new request
    write_timeout: float = 30       # a client that does not read its answer
    max_connections: int = 512
    workers: int = 32
    max_line: int = 65536           # request line; longer: 414
    max_header_bytes: int = 65536   # request line and headers; more: 431
    max_body: int = 1024 * 1024     # bodies up to this are read by the selector thread


class Connection:
    __slots__ = ("sock", "address", "buffer", "state", "deadline", "need", "header_end", "served")

    def __init__(self, sock, address, deadline):
        self.sock = sock
        self.address = address
        self.buffer = bytearray()
        self.state = "waiting"      # waiting -> headers -> body -> busy (a worker has it)
        self.deadline = deadline
        self.need = 0               # bytes of buffer that make up the whole request
        self.header_end = 0
        self.served = 0


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


class SocketReader(io.RawIOBase):
    """The request's bytes, then (for a body too large to have been read ahead) the socket."""

    def __init__(self, data, sock):
        self.data = memoryview(data)
        self.sock = sock

    def readable(self):
        return True

    def readinto(self, target):
        if self.data:
            n = min(len(target), len(self.data))
            target[:n] = self.data[:n]
            self.data = self.data[n:]
            return n
        return self.sock.recv_into(target)


class SocketWriter:
    """Gathers an answer's status line, headers and body into one send: written separately,
    small pieces wait on the client's delayed ACK (some 40 ms a request)."""

    def __init__(self, sock):
        self.sock = sock
        self.pending = bytearray()

    def write(self, data):
        self.pending += data
        if len(self.pending) >= 65536:
            self.flush()
        return len(data)

    def flush(self):
        if self.pending:
            data, self.pending = bytes(self.pending), bytearray()
            self.sock.sendall(data)


def frame(buffer, limits):
    """Where the request at the start of buffer ends: ('need', header_end, total) once the
    headers are complete, ('more',) while they are not, or ('reject', status, message)."""
    ends = [(buffer.find(marker), len(marker)) for marker in HEADER_END]
    ends = [(at, size) for at, size in ends if at >= 0]
    if not ends:
        first_line = buffer.find(b"\n")
        if (first_line < 0 and len(buffer) > limits.max_line) or first_line > limits.max_line:
            return ("reject", 414, "The request line is longer than 64 KiB.")
        if len(buffer) > limits.max_header_bytes:
            return ("reject", 431, "The request headers are larger than 64 KiB.")
        return ("more",)
    at, size = min(ends)
    header_end = at + size
    if buffer.find(b"\n") > limits.max_line:
        return ("reject", 414, "The request line is longer than 64 KiB.")
    if header_end > limits.max_header_bytes:
        return ("reject", 431, "The request headers are larger than 64 KiB.")
    lengths, chunked, expect = [], False, False
    for line in bytes(buffer[:at]).split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            lengths.append(value.strip())
        elif name == b"transfer-encoding":
            chunked = True
        elif name == b"expect" and value.strip().lower() == b"100-continue":
            expect = True
    if len(lengths) > 1:
        # Two lengths let a proxy and this server disagree where the request ends.
        return ("reject", 400, "The request has more than one Content-Length header.")
    total = header_end
    if lengths and not chunked and lengths[0].isdigit() and int(lengths[0]) <= limits.max_body:
        total += int(lengths[0])
    elif lengths or chunked:
        # Chunked, not a number or too large: the worker gets the headers and whatever came
        # with them, answers 411/413 (reading a moderately large body from the socket so the
        # client sees the answer) and closes.
        total = -1
    return ("need", header_end, total, expect and total > header_end)


class ConnectionServer:
    """Accepts, frames and hands requests to `handle(request) -> keep_alive` on a pool."""

    def __init__(self, host, port, handle, reject, limits=None, log=None):
        self.handle = handle
        self.reject = reject            # reject(status, message) -> bytes of a whole response
        self.limits = limits or Limits()
        self.log = log or (lambda line: None)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.listener = socket.create_server((host, port), family=family, backlog=1024)
        self.listener.setblocking(False)
        self.server_address = self.listener.getsockname()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.wake_reader, self.wake_writer = socket.socketpair()
        self.wake_reader.setblocking(False)
        self.selector.register(self.wake_reader, selectors.EVENT_READ, "wake")
        self.pool = concurrent.futures.ThreadPoolExecutor(self.limits.workers, thread_name_prefix="partner-api")
        self.connections = {}           # socket -> Connection, every open one
        self.lingering = {}             # socket -> when to close it, after a last answer
        self.returned = collections.deque()
        self.lock = threading.Lock()
        self.busy = 0                   # requests a worker is answering
        self.idle_done = threading.Condition(self.lock)
        self.stopping = False
        self.stopped = threading.Event()
        self.refused = 0                # connections answered 503 at the cap

    # -- the selector thread -------------------------------------------------------------------
    def serve_forever(self):
        try:
            while not self.stopping or self.connections_in_flight():
                for key, _ in self.selector.select(timeout=0.25):
                    if key.data == "accept":
                        self._accept()
                    elif key.data == "wake":
                        self._drain_wakeups()
                    elif key.data == "linger":
                        self._drop(key.fileobj)
                    else:
                        self._read(key.data)
                self._take_returned()
                self._expire(time.monotonic())
                if self.stopping:
                    self._stop_listening()
                    self._close_waiting()
        finally:
            self._stop_listening()
            for conn in list(self.connections.values()):
                self._close(conn)
            for sock in list(self.lingering):
                self._end_linger(sock)
            self.selector.close()
            self.stopped.set()

    def _stop_listening(self):
        if self.listener.fileno() >= 0:
            self.selector.unregister(self.listener)
            self.listener.close()

    def connections_in_flight(self):
        with self.lock:
            return self.busy > 0 or bool(self.returned)

    def _accept(self):
        while not self.stopping:
            try:
                sock, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return  # e.g. out of file descriptors: the client retries
            sock.setblocking(False)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            if len(self.connections) >= self.limits.max_connections:
                self.refused += 1
                self._linger(sock, self.reject(503, "The server is at its connection limit. Try again in a moment."))
                continue
            conn = Connection(sock, address, time.monotonic() + self.limits.header_timeout)
            self.connections[sock] = conn
            self.selector.register(sock, selectors.EVENT_READ, conn)

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
            conn.deadline = time.monotonic() + self.limits.header_timeout
        conn.buffer += data
        self._advance(conn)

    def _advance(self, conn):
        if conn.state in ("waiting", "headers") and conn.buffer:
            conn.state = "headers"
            framed = frame(conn.buffer, self.limits)
            if framed[0] == "more":
                return
            if framed[0] == "reject":
                self._refuse(conn, framed[1], framed[2])
                return
            _, conn.header_end, conn.need, expect_continue = framed
            conn.state = "body"
            conn.deadline = time.monotonic() + self.limits.body_timeout
            if expect_continue and len(conn.buffer) < conn.need:
                self._send_quietly(conn, b"HTTP/1.1 100 Continue\r\n\r\n")
        if conn.state == "body" and (conn.need < 0 or len(conn.buffer) >= conn.need):
            if conn.need < 0:
                data, body_length, trailing = bytes(conn.buffer), -1, True
                conn.buffer.clear()
            else:
                data = bytes(conn.buffer[:conn.need])
                del conn.buffer[:conn.need]
                body_length = conn.need - conn.header_end
                trailing = body_length > 0 and bool(conn.buffer)
            request = Request(conn, data, body_length, trailing)
            conn.state = "busy"
            self.selector.unregister(conn.sock)
            with self.lock:
                self.busy += 1
            self.pool.submit(self._work, request)

    def _refuse(self, conn, status, message):
        self.connections.pop(conn.sock, None)
        try:
            self.selector.unregister(conn.sock)
        except (KeyError, ValueError):
            pass
        self._linger(conn.sock, self.reject(status, message))

    def _linger(self, sock, answer):
        """Sends a last answer, then reads and drops what the client still sends for a
        moment before closing: closing on unread bytes would reset the connection and the
        client might never see the answer."""
        try:
            if answer:
                sock.send(answer)
            sock.shutdown(socket.SHUT_WR)
            self.selector.register(sock, selectors.EVENT_READ, "linger")
            self.lingering[sock] = time.monotonic() + 2
        except OSError:
            sock.close()

    def _drop(self, sock):
        try:
            while sock.recv(65536):
                pass
            closed = True  # the client closed its side
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
        for sock in [s for s, until in self.lingering.items() if until <= now]:
            self._end_linger(sock)
        for conn in [c for c in self.connections.values() if c.state != "busy" and c.deadline <= now]:
            if conn.state == "body":
                self._refuse(conn, 408, "The request body did not arrive within 30 seconds.")
            else:
                self._close(conn)  # no request, or headers that never ended: nothing to answer

    def _close_waiting(self):
        for conn in [c for c in self.connections.values() if c.state == "waiting"]:
            self._close(conn)

    def _close(self, conn):
        if self.connections.pop(conn.sock, None) is None:
            return
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
                conn, keep = self.returned.popleft()
            if not keep or self.stopping:
                conn.state = "closing"
                self.connections.pop(conn.sock, None)
                try:
                    conn.sock.setblocking(False)
                except OSError:
                    pass
                self._linger(conn.sock, b"")  # the answer is out; let the client read it
                continue
            conn.state = "waiting"
            conn.deadline = time.monotonic() + self.limits.idle_timeout
            try:
                conn.sock.setblocking(False)
                self.selector.register(conn.sock, selectors.EVENT_READ, conn)
            except (OSError, ValueError):
                self.connections.pop(conn.sock, None)
                continue
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
        keep = False
        try:
            conn.sock.setblocking(True)
            conn.sock.settimeout(self.limits.write_timeout)
            keep = bool(self.handle(request)) and not request.trailing
            conn.served += 1
        except Exception as error:  # a broken socket or a bug: the connection goes, the server stays
            self.log(f"connection error: {error!r}")
        finally:
            with self.lock:
                self.returned.append((conn, keep))
                self.busy -= 1
                self.idle_done.notify_all()
            self._wake()

    # -- stopping ------------------------------------------------------------------------------
    def shutdown(self, grace=10.0):
        """Stops accepting, lets the requests in flight finish (at most `grace` seconds),
        closes every connection; returns the number of requests still running at the end."""
        self.stopping = True
        self._wake()  # the selector thread closes the listening socket at once
        deadline = time.monotonic() + grace
        with self.lock:
            while self.busy and time.monotonic() < deadline:
                self.idle_done.wait(timeout=max(0.01, deadline - time.monotonic()))
            left = self.busy
            self.busy = 0  # past the bound: stop waiting for them
        self._wake()
        self.stopped.wait(timeout=5)
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.wake_reader.close()
        self.wake_writer.close()
        return left
