"""The one place that makes Debian's python3-* packages importable by another python3 of the same
minor version (a pyenv build, say). Debian installs them for /usr/bin/python3 in
/usr/lib/python3/dist-packages; that folder is appended to sys.path, after the running Python's
own, only when a module is not found otherwise. The PostgreSQL driver (python3-psycopg) and the
document stack (weasyprint, pikepdf) are imported through it."""
import importlib
import sys
from pathlib import Path

DEBIAN_PACKAGES = Path("/usr/lib/python3/dist-packages")


def import_debian(*names):
    """The modules `names`, importing Debian's copies if the running Python has none; ImportError
    (naming the first module missing) when they are not there either."""
    try:
        return tuple(importlib.import_module(name) for name in names)
    except ImportError:
        if not DEBIAN_PACKAGES.is_dir() or str(DEBIAN_PACKAGES) in sys.path:
            raise
    sys.path.append(str(DEBIAN_PACKAGES))
    importlib.invalidate_caches()
    return tuple(importlib.import_module(name) for name in names)
