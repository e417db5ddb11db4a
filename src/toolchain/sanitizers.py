"""Sanitizer builds with Debian's clang-14: the native tests under AddressSanitizer and
UndefinedBehaviorSanitizer (build/native-asan, a suite of tests/run), and the libFuzzer
targets of tests/fuzz (build/fuzz, run by tests/fuzz/run.py)."""
import os
import shutil

from .setup import (BUILD, ROOT, SANITIZER_PACKAGES, SOURCES, SetupError, cache_lock, cmake_build, ensure_packages,
                    fetch_source, file_lock, json_include_dir, script_font_dir)

# UB stops the run (no recovery); _GLIBCXX_ASSERTIONS turns libstdc++'s preconditions
# (operator[] bounds, std::clamp's lo <= hi, front() of an empty vector) into aborts too.
SANITIZE_FLAGS = "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"


def _clang():
    for name in ("clang++-14", "clang++"):
        path = shutil.which(name)
        if path:
            return path
    raise SetupError("clang++-14 is missing: install the Debian package clang-14")


def sanitizer_env(base=None):
    """Leaks fail the run; UB and ASan reports carry a stack; the symbolizer is found."""
    env = dict(base if base is not None else os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    env["LSAN_OPTIONS"] = "report_objects=1"
    symbolizer = shutil.which("llvm-symbolizer-14") or shutil.which("llvm-symbolizer")
    if symbolizer:
        env["ASAN_SYMBOLIZER_PATH"] = symbolizer
    return env


def build_lock(build_dir):
    """One build of this folder at a time. The shared cache's lock is held only while the
    cache is touched, so other clones' builds go on meanwhile."""
    return file_lock(build_dir / ".build-lock")


def ensure_native_asan_build():
    """Builds every native test (core_tests, ui_tests, web_tests, german_file_tests) with ASan + UBSan
    (+ LeakSanitizer) into build/native-asan: CTest there runs each test CMakeLists.txt adds."""
    with cache_lock():
        ensure_packages(SANITIZER_PACKAGES)
        imgui = fetch_source(SOURCES["imgui"])
        json_dir = json_include_dir()
        scripts_dir = script_font_dir()  # the per-script fonts the UI tests load
    build_dir = BUILD / "native-asan"
    with build_lock(build_dir):
        # Debug (-O0): measured here, -O1 cost 2.3x the CPU to compile (243 s against 107 s) to save
        # 4 s of test time; CI always builds from a fresh clone.
        configure = ["cmake", str(ROOT), "-DCMAKE_BUILD_TYPE=Debug", f"-DCMAKE_CXX_COMPILER={_clang()}",
                     f"-DCMAKE_CXX_FLAGS={SANITIZE_FLAGS}", f"-DCMAKE_EXE_LINKER_FLAGS={SANITIZE_FLAGS}",
                     f"-DIMGUI_DIR={imgui}", f"-DJSON_INCLUDE_DIR={json_dir}", f"-DSCRIPT_FONT_DIR={scripts_dir}"]
        cmake_build(build_dir, configure, dict(os.environ), "native tests with ASan/UBSan",
                    targets=["core_tests", "ui_tests", "web_tests", "german_file_tests"])
        return build_dir


def ensure_fuzz_build():
    """Builds every libFuzzer target of tests/fuzz into build/fuzz; returns that folder."""
    with cache_lock():
        ensure_packages(SANITIZER_PACKAGES)
        json_dir = json_include_dir()
    build_dir = BUILD / "fuzz"
    with build_lock(build_dir):
        configure = ["cmake", str(ROOT / "tests" / "fuzz"), f"-DCMAKE_CXX_COMPILER={_clang()}",
                     f"-DJSON_INCLUDE_DIR={json_dir}"]
        cmake_build(build_dir, configure, dict(os.environ), "fuzz targets")
        return build_dir
