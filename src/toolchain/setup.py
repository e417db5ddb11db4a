"""Toolchain set-up: packages, pinned third-party sources, SDL2 for wasm, CMake builds."""
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reseller-console"
BUILD = ROOT / "build"

# Everything a build needs (and `python3 serve.py`, which builds first); tests add the browser and PDF tools.
BUILD_PACKAGES = ["emscripten", "nlohmann-json3-dev", "cmake", "make", "g++",
                  "fonts-roboto-unhinted", "fonts-fork-awesome", "fonttools", "brotli", "librsvg2-bin", "optipng", "zopfli", "binaryen", "unicode-data", "node-terser",
                  "fonts-noto-core", "fonts-noto-cjk"]
# The partner API's invoice documents (issue 18): WeasyPrint lays out the PDF (its Python module and
# Pango come with the package; serve.py imports them through partner_api/debian_packages.py), and
# the Noto fonts draw every script in it.
DOCUMENT_PACKAGES = ["weasyprint", "fonts-noto-core", "fonts-noto-cjk"]
BUILD_PACKAGES += [package for package in DOCUMENT_PACKAGES if package not in BUILD_PACKAGES]
# clang-14 builds the ASan/UBSan test suite and the fuzz targets (src/toolchain/sanitizers.py);
# libclang-rt-14-dev holds the sanitizer and libFuzzer runtimes, llvm-14 the symbolizer.
SANITIZER_PACKAGES = ["clang-14", "libclang-rt-14-dev", "llvm-14"]
# The partner API on PostgreSQL: Debian's psycopg 3 and its pool (for /usr/bin/python3; serve.py
# makes them importable by another python3 of the same minor version, partner_api/debian_packages.py).
POSTGRES_PACKAGES = ["python3-psycopg", "python3-psycopg-pool"]
# The server suite's second pass and the deployment test start their own PostgreSQL and HAProxy.
SERVER_TEST_PACKAGES = POSTGRES_PACKAGES + ["postgresql", "haproxy"]
# The invoice tests check PDFs with qpdf, pikepdf and poppler's pdftotext and pdftoppm.
TEST_PACKAGES = (BUILD_PACKAGES + ["doctest-dev", "chromium", "poppler-utils", "openssl", "qpdf", "python3-pikepdf"]
                 + SANITIZER_PACKAGES + SERVER_TEST_PACKAGES)

# Third-party sources: Debian source packages, pinned by version and by the .orig tarball's sha256.
SOURCES = {
    "imgui": {
        "package": "imgui", "version": "1.90.1+ds-1", "suite": "trixie",
        "tarball": "imgui_1.90.1+ds.orig.tar.xz",
        "sha256": "ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c",
        "folder": "imgui-1.90.1",
    },
    "sdl2": {
        "package": "libsdl2", "version": "2.26.5+dfsg-1", "suite": "bookworm",
        "tarball": "libsdl2_2.26.5+dfsg.orig.tar.gz",
        "sha256": "b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3",
        "folder": "SDL2-2.26.5",
    },
}

FONT_LIST = ROOT / "assets" / "fonts.txt"


class SetupError(Exception):
    """A set-up step failed; the message says what to do."""


def log(message):
    print(f"setup: {message}", flush=True)


def run(cmd, *, cwd=None, env=None, quiet=False, what=None):
    """Runs a command; on failure shows its output tail and raises SetupError."""
    if quiet:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            tail = "\n".join(proc.stdout.splitlines()[-40:])
            raise SetupError(f"{what or cmd[0]} failed (exit {proc.returncode}):\n{tail}")
        return proc.stdout
    proc = subprocess.run(cmd, cwd=cwd, env=env)
    if proc.returncode != 0:
        raise SetupError(f"{what or cmd[0]} failed (exit {proc.returncode})")
    return ""


@contextlib.contextmanager
def file_lock(path):
    """Holds an exclusive lock on `path` (created if missing) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def cache_lock():
    """Serialises work on the shared cache (packages, sources, SDL2) between every clone on
    this machine; held only while that cache is set up, not during a clone's own build."""
    return file_lock(CACHE / ".lock")


def build_lock():
    """Serialises builds of this clone (a dev server and a test run started at the same time)."""
    return file_lock(BUILD / ".lock")


# --- Debian packages -------------------------------------------------------------------------

def missing_packages(packages):
    missing = []
    for pkg in packages:
        proc = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
        if "install ok installed" not in proc.stdout:
            missing.append(pkg)
    return missing


def ensure_packages(packages):
    missing = missing_packages(packages)
    if not missing:
        return
    line = "apt-get install -y --no-install-recommends " + " ".join(missing)
    if os.geteuid() != 0:
        raise SetupError(f"these Debian packages are missing: {' '.join(missing)}\n"
                         f"install them as root, then run this again:\n    sudo apt-get update && sudo {line}")
    log(f"installing Debian packages (first time only): {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update"], env=env, quiet=True, what="apt-get update")
    run(line.split(), env=env, quiet=True, what="apt-get install")


# --- Emscripten ------------------------------------------------------------------------------

def emscripten_env():
    """Debian's emscripten has a frozen, read-only cache; use a writable copy (once)."""
    version = subprocess.run(["emcc", "--version"], stdout=subprocess.PIPE, text=True).stdout.split("\n")[0]
    key = hashlib.sha256(version.encode()).hexdigest()[:10]
    em_cache = CACHE / f"em-cache-{key}"
    if not (em_cache / ".complete").exists():
        log("copying Emscripten's cache to a writable folder (first time only)")
        shutil.rmtree(em_cache, ignore_errors=True)
        shutil.copytree("/usr/share/emscripten/cache", em_cache, symlinks=True)
        (em_cache / ".complete").touch()
    env = dict(os.environ)
    env["EM_CACHE"] = str(em_cache)
    env["EM_FROZEN_CACHE"] = ""  # empty string: "0" would still count as true
    env["NODE_PATH"] = "/usr/share/nodejs"  # Debian's acorn for the JS optimizer
    return env


# --- Third-party sources ---------------------------------------------------------------------

def archive_uri():
    """The Debian archive this machine already uses; never hard-coded."""
    sources = Path("/etc/apt/sources.list.d/debian.sources")
    if sources.exists():
        for line in sources.read_text().splitlines():
            if line.startswith("URIs:"):
                return line.split()[1]
    legacy = Path("/etc/apt/sources.list")
    if legacy.exists():
        for line in legacy.read_text().splitlines():
            parts = line.split()
            if parts[:1] == ["deb"] and len(parts) > 1:
                return parts[1]
    raise SetupError("cannot find the Debian archive in /etc/apt/sources.list.d/debian.sources")


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_source(spec):
    """Downloads a Debian source package with a private apt config, checks it, unpacks it."""
    src_dir = CACHE / "src" / spec["folder"]
    stamp = src_dir / ".verified"
    if stamp.exists() and stamp.read_text().strip() == spec["sha256"]:
        return src_dir
    apt = CACHE / "apt"
    dl = apt / "dl"
    tarball = dl / spec["tarball"]
    if not tarball.exists() or sha256_of(tarball) != spec["sha256"]:
        log(f"downloading Debian source package {spec['package']} {spec['version']} (first time only)")
        (apt / "parts").mkdir(parents=True, exist_ok=True)
        (apt / "lists" / "partial").mkdir(parents=True, exist_ok=True)
        dl.mkdir(parents=True, exist_ok=True)
        (apt / "parts" / "src.sources").write_text(
            "Types: deb-src\n"
            f"URIs: {archive_uri()}\n"
            "Suites: trixie bookworm\n"
            "Components: main\n"
            "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
        opts = ["-o", "Dir::Etc::SourceList=/dev/null", "-o", f"Dir::Etc::SourceParts={apt / 'parts'}",
                "-o", f"Dir::State::Lists={apt / 'lists'}", "-o", f"Dir::Cache={apt / 'cache'}",
                "-o", "APT::Sandbox::User=root" if os.geteuid() == 0 else "Debug::NoDropPrivs=false"]
        run(["apt-get", *opts, "update"], quiet=True, what="apt-get update (source lists)")
        run(["apt-get", *opts, "source", "--download-only", f"{spec['package']}={spec['version']}"],
            cwd=dl, quiet=True, what=f"apt-get source {spec['package']}")
    actual = sha256_of(tarball)
    if actual != spec["sha256"]:
        raise SetupError(f"{tarball.name}: sha256 {actual} does not match the pinned {spec['sha256']}")
    shutil.rmtree(src_dir, ignore_errors=True)
    src_dir.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as tf:
        tf.extractall(src_dir.parent, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(src_dir.parent)
    if not src_dir.exists():
        raise SetupError(f"{tarball.name} did not unpack into {src_dir.name}")
    stamp.write_text(spec["sha256"])
    return src_dir


def json_include_dir():
    """A folder holding only nlohmann/, so the wasm build never sees all of /usr/include."""
    folder = CACHE / "json-include"
    link = folder / "nlohmann"
    if not link.exists():
        if not Path("/usr/include/nlohmann/json.hpp").exists():
            raise SetupError("nlohmann/json.hpp is missing: install nlohmann-json3-dev")
        folder.mkdir(parents=True, exist_ok=True)
        if link.is_symlink():
            link.unlink()
        link.symlink_to("/usr/include/nlohmann")
    return folder


# SDL2 as the console uses it: video, events and timers. Without the subsystems it never
# starts (audio, joysticks, haptics, sensors, power, its 2D renderer...) and with
# SDL_LEAN_AND_MEAN (no software blitters, RLE or YUV: the console draws with WebGL, never
# onto an SDL surface), built for size: app.wasm 1,859 -> 1,600 KB, 31 KB less with brotli.
SDL2_OPTIONS = ["-DCMAKE_BUILD_TYPE=MinSizeRel", "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1",
                "-DSDL_AUDIO=OFF", "-DSDL_JOYSTICK=OFF", "-DSDL_HAPTIC=OFF", "-DSDL_SENSOR=OFF",
                "-DSDL_POWER=OFF", "-DSDL_RENDER=OFF", "-DSDL_HIDAPI=OFF", "-DSDL_FILE=OFF",
                "-DSDL_LOCALE=OFF", "-DSDL_MISC=OFF"]


def ensure_sdl2(env):
    spec = SOURCES["sdl2"]
    options = SDL2_OPTIONS
    prefix = CACHE / f"sdl2-2.26.5-{spec['sha256'][:8]}-{hashlib.sha256(' '.join(options).encode()).hexdigest()[:8]}"
    if (prefix / "lib" / "libSDL2.a").exists() and (prefix / ".complete").exists():
        return prefix
    src = fetch_source(spec)
    log("building SDL2 for WebAssembly (first time only, about 3 to 4 minutes)")
    started = time.time()
    work = CACHE / "sdl2-build"
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(prefix, ignore_errors=True)
    work.mkdir(parents=True)
    run(["emcmake", "cmake", str(src), "-DSDL_SHARED=OFF", "-DSDL_STATIC=ON", "-DSDL_TEST=OFF",
         *options, f"-DCMAKE_INSTALL_PREFIX={prefix}"],
        cwd=work, env=env, quiet=True, what="SDL2 configure")
    run(["emmake", "make", f"-j{os.cpu_count() or 2}"], cwd=work, env=env, quiet=True, what="SDL2 build")
    run(["make", "install"], cwd=work, env=env, quiet=True, what="SDL2 install")
    (prefix / ".complete").touch()
    shutil.rmtree(work, ignore_errors=True)
    log(f"SDL2 built in {time.time() - started:.0f} s; reused from now on")
    return prefix


def glyph_lists():
    """The characters to keep: text ranges from glyph_ranges.h, icons named in theme.h."""
    ranges_src = (ROOT / "src" / "ui" / "text" / "glyph_ranges.h").read_text()
    m = re.search(r"kTextGlyphs\[\]\s*=\s*\{([^}]*)\}", ranges_src)
    if not m:
        raise SetupError("src/ui/text/glyph_ranges.h: kTextGlyphs not found")
    values = [int(v, 16) for v in re.findall(r"0x([0-9A-Fa-f]+)", m.group(1)) if int(v, 16) != 0]
    text = ",".join(f"U+{a:04X}-{b:04X}" for a, b in zip(values[0::2], values[1::2]))
    theme = (ROOT / "src" / "ui" / "kit" / "theme.h").read_text()
    icons = ",".join(sorted(set(f"U+{code.upper()}" for code in re.findall(r"//\s*U\+(F[0-9A-Fa-f]{3})", theme))))
    if not icons:
        raise SetupError("src/ui/kit/theme.h names no icons (// U+Fxxx comments)")
    return {"text": text, "icons": icons}


# Dear ImGui draws a character's glyph from the cmap and never shapes or kerns: the layout
# tables, and the glyphs only they reach (ligatures, alternates), are left out of the cut
# (Roboto Regular 62.1 -> 36.5 KB; app.data 59.5 -> 35 KB with brotli).
FONT_SUBSET_OPTIONS = ["--layout-features=", "--drop-tables+=GSUB,GPOS,GDEF"]


def font_files():
    """The UI fonts, cut down to the characters the console draws (a much smaller download)."""
    out_dir = BUILD / "fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    options_stamp = out_dir / ".subset-options"
    if not options_stamp.exists() or options_stamp.read_text() != " ".join(FONT_SUBSET_OPTIONS):
        for old in out_dir.glob("*.ttf"):  # cut with other options: cut again
            old.unlink()
        options_stamp.write_text(" ".join(FONT_SUBSET_OPTIONS))
    glyphs = None
    sources = [ROOT / "src" / "ui" / "text" / "glyph_ranges.h", ROOT / "src" / "ui" / "kit" / "theme.h", FONT_LIST]
    newest_source = max(p.stat().st_mtime for p in sources)
    files = []
    for line in FONT_LIST.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        package, path, kind = line.split()
        source = Path(path)
        if not source.exists():
            raise SetupError(f"font {path} is missing: install the Debian package {package}")
        target = out_dir / source.name
        if not target.exists() or target.stat().st_mtime < max(newest_source, source.stat().st_mtime):
            glyphs = glyphs or glyph_lists()
            run(["pyftsubset", str(source), f"--unicodes={glyphs[kind]}", *FONT_SUBSET_OPTIONS,
                 f"--output-file={target}"], quiet=True, what=f"subsetting {source.name}")
        files.append(str(target))
    return files


def script_font_dir():
    """The per-script font files (assets/script_fonts.txt), cut once and cached: the CJK ones
    take about a minute and a half to convert the first time."""
    out_dir = BUILD / "fonts" / "scripts"
    inputs = [ROOT / "assets" / "script_fonts.txt", ROOT / "src" / "toolchain" / "script_fonts.py",
              ROOT / "src" / "toolchain" / "script_font_table.py"]
    index = out_dir / "index.json"
    if not index.exists() or index.stat().st_mtime < max(p.stat().st_mtime for p in inputs):
        log("cutting the per-script font files (CJK: about 90 s the first time, then cached)")
        # fontTools comes from Debian (python3-fonttools), so Debian's own interpreter runs it.
        run(["/usr/bin/python3", str(ROOT / "src" / "toolchain" / "script_fonts.py"), str(out_dir),
             str(CACHE / "script-fonts")], quiet=True, what="cutting the script fonts")
        index.touch()
    return out_dir


# --- Builds ----------------------------------------------------------------------------------

def cmake_build(build_dir, configure_cmd, env, label, targets=None):
    """Configures when the build is new or its settings changed (CMake re-configures itself
    when CMakeLists.txt changes), then builds what is stale (only `targets` when given)."""
    stamp = build_dir / ".configured-with"
    wanted = "\n".join(configure_cmd)
    if not (build_dir / "CMakeCache.txt").exists() or not stamp.exists() or stamp.read_text() != wanted:
        log(f"configuring the {label} build")
        build_dir.mkdir(parents=True, exist_ok=True)
        run(configure_cmd, cwd=build_dir, env=env, quiet=True, what=f"{label} configure")
        stamp.write_text(wanted)
    log(f"building {label} (only what changed)")
    started = time.time()
    run(["cmake", "--build", str(build_dir), "-j", str(os.cpu_count() or 2), *(["--target", *targets] if targets else [])],
        env=env, quiet=True, what=f"{label} build")
    log(f"{label} build up to date ({time.time() - started:.0f} s)")


def ensure_web_build():
    """Builds the deployable console into build/web/dist; returns that folder."""
    with cache_lock():
        ensure_packages(BUILD_PACKAGES)
        env = emscripten_env()
        imgui = fetch_source(SOURCES["imgui"])
        sdl2 = ensure_sdl2(env)
        json_dir = json_include_dir()
        scripts_dir = script_font_dir()  # its cache of cut CJK fonts is shared
    with build_lock():
        build_dir = BUILD / "web"
        configure = ["emcmake", "cmake", str(ROOT), "-DCMAKE_BUILD_TYPE=Release",
                     f"-DIMGUI_DIR={imgui}", f"-DJSON_INCLUDE_DIR={json_dir}",
                     f"-DSDL2_PREFIX={sdl2}", f"-DFONT_FILES={';'.join(font_files())}",
                     f"-DSCRIPT_FONT_DIR={scripts_dir}"]
        cmake_build(build_dir, configure, env, "console (WebAssembly)")
        return pack_dist(build_dir)


def pack_dist(build_dir):
    """The deployable folder from the linked files: hashed names, icons, service worker, .br/.gz."""
    from . import dist
    try:
        dist.package(build_dir / "stage", build_dir / "dist")
    except dist.PackError as error:
        raise SetupError(f"packing build/web/dist failed: {error}")
    return build_dir / "dist"


def ensure_native_build():
    """Builds the native core, UI and doctest executables into build/native."""
    with cache_lock():
        ensure_packages(TEST_PACKAGES)
        imgui = fetch_source(SOURCES["imgui"])
        json_dir = json_include_dir()
        scripts_dir = script_font_dir()
    with build_lock():
        build_dir = BUILD / "native"
        configure = ["cmake", str(ROOT), "-DCMAKE_BUILD_TYPE=Debug", f"-DIMGUI_DIR={imgui}",
                     f"-DJSON_INCLUDE_DIR={json_dir}", f"-DSCRIPT_FONT_DIR={scripts_dir}"]
        cmake_build(build_dir, configure, dict(os.environ), "native core and tests")
        return build_dir


def ensure_node_modules():
    """playwright-core, pinned in tests/package-lock.json, for the browser tests."""
    tests = ROOT / "tests"
    marker = tests / "node_modules" / ".package-lock.json"
    lock = tests / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    log("installing playwright-core from npm (first time only)")
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=tests, quiet=True, what="npm ci")


if __name__ == "__main__":
    try:
        print(ensure_web_build())
    except SetupError as e:
        print(f"setup failed: {e}", file=sys.stderr)
        sys.exit(1)
