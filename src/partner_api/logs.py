"""Every line the server writes to its log goes through one Log: plain text for a person, or
with --log-json one JSON object per line (start-up, migrations, requests, the outbox, faults,
tracebacks), so a log collector never meets a line it cannot parse."""
import json
import os
import sys
import threading
import traceback

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


def install_excepthooks(log):
    """A crash anywhere (the main thread or another) is one log event with its traceback."""
    def main_hook(kind, error, trace):
        log(f"serve.py stopped on an unexpected error: {error!r}", level="critical",
            traceback="".join(traceback.format_exception(kind, error, trace)))

    def thread_hook(args):
        if args.exc_type is SystemExit:
            return
        log(f"thread {args.thread.name if args.thread else '?'} stopped on an unexpected error: {args.exc_value!r}",
            level="critical", traceback="".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                                            args.exc_traceback)))

    sys.excepthook = main_hook
    threading.excepthook = thread_hook


class LinesAsEvents:
    """While open, whatever this process and its children write to stdout and stderr (a build's
    compiler output, say) comes out as log events, one per line."""

    def __init__(self, log):
        self.log = log

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.read_end, write_end = os.pipe()
        self.saved = (os.dup(1), os.dup(2))
        os.dup2(write_end, 1)
        os.dup2(write_end, 2)
        os.close(write_end)
        # Events go to the real stderr meanwhile (stderr is the pipe itself now).
        original = self.log.sink
        saved_err = os.fdopen(os.dup(self.saved[1]), "w", encoding="utf-8", buffering=1)
        self.restore_sink = lambda: setattr(self.log, "sink", original)
        self.log.sink = lambda line: saved_err.write(line + "\n")
        self.saved_err = saved_err
        self.thread = threading.Thread(target=self._pump, name="log-lines", daemon=True)
        self.thread.start()
        return self

    def _pump(self):
        with os.fdopen(self.read_end, "r", encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.strip():
                    self.log(line.rstrip("\n"), level="info", source="build")

    def __exit__(self, *error):
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)  # the pipe's last write end closes: the pump sees its end
        os.close(self.saved[0])
        os.close(self.saved[1])
        self.thread.join(timeout=10)
        self.restore_sink()
        self.saved_err.close()
        return False
