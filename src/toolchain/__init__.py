"""Set-up and build for a fresh machine, shared by `python3 serve.py` and `tests/run`.

Debian packages are installed when running as root (otherwise the exact apt-get line is
printed); Dear ImGui and SDL2 come from Debian source packages, pinned by version and
sha256, unpacked into a cache outside the clone; SDL2 is built for WebAssembly once and
reused; then CMake builds whatever is stale.
"""
from .setup import (SetupError, ensure_native_build, ensure_node_modules,
                    ensure_packages, ensure_web_build, BUILD_PACKAGES, TEST_PACKAGES,
                    POSTGRES_PACKAGES)
from .sanitizers import ensure_fuzz_build, ensure_native_asan_build, sanitizer_env

__all__ = ["SetupError", "ensure_native_build", "ensure_node_modules", "ensure_packages",
           "ensure_web_build", "BUILD_PACKAGES", "TEST_PACKAGES", "POSTGRES_PACKAGES",
           "ensure_fuzz_build", "ensure_native_asan_build", "sanitizer_env"]
