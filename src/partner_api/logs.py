"""Every line the server writes to its log goes through one Log: plain text for a person, or
with --log-json one JSON object per line (start-up, migrations, requests, the outbox, faults,
tracebacks), so a log collector never meets a line it cannot parse."""
import json
import sys

from .clock import SystemClock, iso


class Log:
    def __init__(self, sink=None, json_lines=False, clock=None):
        self.sink = sink or (lambda line: print(line, file=sys.stderr, flush=True))
        self.json_lines = json_lines
        self.clock = clock or SystemClock()

    def __call__(self, message, level="info", **fields):
        """One event: `message` for a person, `fields` for a machine (a traceback among them
        is printed below the message in plain text)."""
        if self.json_lines:
            entry = {"time": iso(self.clock.now()), "level": level, "message": message, **fields}
            self.sink(json.dumps(entry, ensure_ascii=False, default=str))
        elif "traceback" in fields:
            self.sink(f"{message}\n{str(fields['traceback']).rstrip()}")
        else:
            self.sink(message)

    def request(self, entry):
        """The one line per request: time, request id, client, method, path, status, ms."""
        if self.json_lines:
            self.sink(json.dumps({"time": entry["time"], "level": "info",
                                  "message": f"{entry['method']} {entry['path']} {entry['status']}", **entry},
                                 ensure_ascii=False))
        else:
            note = f" {entry['note']}" if entry.get("note") else ""
            self.sink(f"{entry['time']} {entry['request_id']} {entry['client']} {entry['method']} {entry['path']}"
                      f" {entry['status']} {entry['ms']:.1f}ms{note}")
