"""Where a request in a connection's buffer ends, decided by the selector thread before any
worker sees it: the request line and headers, one Content-Length of plain ASCII digits, a body
of at most the limit. Anything else is answered at once (400, 411, 413, 414, 431), so no worker
ever reads from a socket."""
import dataclasses
import re

HEADER_END = (b"\r\n\r\n", b"\n\n")
# RFC 9110: 1*DIGIT, ASCII only (str.isdigit() takes "²" and "٣"); 18 digits fit in an int64.
CONTENT_LENGTH_RE = re.compile(rb"[0-9]+\Z")
ORIGIN_RE = re.compile(rb"(?im)^origin[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?$")


@dataclasses.dataclass(frozen=True)
class Framed:
    header_end: int         # bytes of the request line and headers, blank line included
    total: int              # bytes of the whole request, body included
    expect_continue: bool   # the client waits for "100 Continue" before it sends the body


@dataclasses.dataclass(frozen=True)
class Rejected:
    status: int
    message: str


MORE = None  # the headers are not complete yet


def frame(buffer, limits):
    """Framed once the headers are complete, MORE while they are not, or Rejected."""
    ends = [(buffer.find(marker), len(marker)) for marker in HEADER_END]
    ends = [(at, size) for at, size in ends if at >= 0]
    first_line = buffer.find(b"\n")
    if not ends:
        if (first_line < 0 and len(buffer) > limits.max_line) or first_line > limits.max_line:
            return Rejected(414, "The request line is longer than 64 KiB.")
        if len(buffer) > limits.max_header_bytes:
            return Rejected(431, "The request headers are larger than 64 KiB.")
        return MORE
    at, size = min(ends)
    header_end = at + size
    if first_line > limits.max_line:
        return Rejected(414, "The request line is longer than 64 KiB.")
    if header_end > limits.max_header_bytes:
        return Rejected(431, "The request headers are larger than 64 KiB.")
    lengths, chunked, expect = [], False, False
    for line in bytes(buffer[:at]).split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        if name[:1] in (b" ", b"\t") or name.rstrip(b" \t") != name:
            # A folded line or space before the colon: readers disagree on them (RFC 9112, 5.1-5.2).
            return Rejected(400, "A header line starts with a space or has a space before its colon.")
        name = name.lower()
        if name == b"content-length":
            lengths.append(value.strip(b" \t\r"))
        elif name == b"transfer-encoding":
            chunked = True
        elif name == b"expect" and value.strip().lower() == b"100-continue":
            expect = True
    if chunked:
        return Rejected(411, "Send the body with a Content-Length header; chunked transfer encoding is not accepted.")
    if len(lengths) > 1:
        # Two lengths let a proxy and this server disagree where the request ends.
        return Rejected(400, "The request has more than one Content-Length header.")
    length = 0
    if lengths:
        if not CONTENT_LENGTH_RE.match(lengths[0]):
            return Rejected(400, "The Content-Length header is not a number.")
        if len(lengths[0]) > 18 or int(lengths[0]) > limits.max_body:
            return Rejected(413, "The request body is larger than 1 MiB.")
        length = int(lengths[0])
    return Framed(header_end, header_end + length, expect and length > 0)


def origin_of(head):
    """The Origin header among a request's first bytes, or None (answers made before the
    request is parsed still carry CORS headers for an allowed origin)."""
    found = ORIGIN_RE.search(bytes(head[:65536]))
    return found.group(1).decode("latin-1") if found else None
