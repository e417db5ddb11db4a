"""Time in one place: an injectable clock (tests and the demo seed move it) and the
single formatter for timestamps and dates."""
import calendar
import datetime as dt
import threading

UTC = dt.timezone.utc


class SystemClock:
    def now(self):
        return dt.datetime.now(UTC).replace(microsecond=0)


class FakeClock:
    """A clock that stands still until moved; thread-safe because the server reads it
    from request threads while a test moves it."""

    def __init__(self, start):
        self._now = start.astimezone(UTC).replace(microsecond=0)
        self._lock = threading.Lock()

    def now(self):
        with self._lock:
            return self._now

    def set(self, when):
        with self._lock:
            self._now = when.astimezone(UTC).replace(microsecond=0)

    def advance(self, **delta):
        with self._lock:
            self._now += dt.timedelta(**delta)


def iso(moment):
    """Timestamp as ISO 8601 UTC with Z; None stays None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text):
    if text is None:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def day(value):
    """Date as YYYY-MM-DD."""
    if value is None:
        return None
    return value.isoformat()


def parse_day(text):
    if text is None:
        return None
    return dt.date.fromisoformat(text)


def add_months(date, months):
    """Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28)."""
    month_index = date.month - 1 + months
    year = date.year + month_index // 12
    month = month_index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))
