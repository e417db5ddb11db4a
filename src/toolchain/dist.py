"""Turns the linked console (build/web/stage) into the deployable folder (build/web/dist):
the page's scripts joined into one file and minified, content-hashed file names, the web app manifest's PNG
icons (rsvg-convert, from assets/icon.svg, then optipng and zopflipng), the service worker's precache list, and .br/.gz
beside every text and wasm file. Prints the sizes. Runs after every web build; unchanged input
is not packed again."""
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

# Names a host must serve under their own name, always revalidated: the entry page, the
# deployer's settings, the manifest (browsers re-read it) and the service worker.
UNHASHED = {"index.html", "config.json", "manifest.webmanifest", "sw.js"}
# Files whose text may name other files (quoted): those names are rewritten to hashed ones.
TEXT_SUFFIXES = {".html", ".js", ".json", ".webmanifest", ".css", ".svg", ".txt"}
# Compressed beside the original (.br and .gz): text, wasm and the font package.
COMPRESSED_SUFFIXES = TEXT_SUFFIXES | {".wasm", ".data", ".ttf", ".otf", ".map", ".bin"}
# One language's texts (src/toolchain/texts_table.py), fetched by its readers only: listed for the
# service worker with their language, which it precaches only once this device used them.
LANGUAGE_FILE = re.compile(r"texts-(\w+)\.bin")
# Fonts fetched on demand live here; the service worker caches them as they are used.
RUNTIME_FOLDERS = ("fonts/",)
# Precached but never checked by hash: the deployer edits it after the build.
DEPLOYER_FILES = {"config.json"}
# The PNG icons made from icon.svg: name -> (size, maskable). Maskable and Apple icons are
# full-bleed squares (the platform cuts its own shape); the others keep the SVG's corners.
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
}
# The PNG icons are not precached: the page never draws them, and a browser fetches the ones it
# needs itself when the console is installed (and keeps them with the installed app). Precached,
# every first visit downloaded all four: 22.4 KB of 505 (pwa_bench, issue 21).
NOT_PRECACHED = set(ICONS)
HASH_LEN = 10
# index.html names the page's scripts (web/*.js, one per topic in the source) between
# "<!-- bundle NAME -->" and "<!-- /bundle -->": they are sent as one file NAME, in that order.
# Each small file's answer costs about as much in headers as its code (pwa_bench).
BUNDLE = re.compile(r"<!-- bundle (?P<name>[\w.-]+) -->(?P<body>.*?)<!-- /bundle -->", re.S)
BUNDLED_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


class PackError(Exception):
    pass


def log(message):
    print(f"dist: {message}", flush=True)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def hashed_name(relative, digest):
    folder, _, name = relative.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    new = f"{stem}.{digest[:HASH_LEN]}.{suffix}" if dot else f"{name}.{digest[:HASH_LEN]}"
    return f"{folder}/{new}" if folder else new


def maskable_svg(svg):
    """The icon on a full-bleed square of its own background colour, inside the 80% safe zone."""
    colour = re.search(r'fill="(#[0-9a-fA-F]{3,8})"', svg)
    background = colour.group(1) if colour else "#1a73e8"
    inner = re.sub(r"<svg\b", '<svg x="8" y="8" width="48" height="48"', svg, count=1)
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
            f'<rect width="64" height="64" fill="{background}"/>{inner}</svg>')


def make_icons(svg_path, cache):
    """PNG icons rendered by Debian's rsvg-convert; cached by the SVG's content."""
    svg = svg_path.read_text()
    key = sha256(svg.encode() + b"\0optipng -o2, zopflipng")[:16]  # icons drawn before were not optimised
    out = {}
    for name, (size, maskable) in ICONS.items():
        cached = cache / f"{key}-{name}"
        if not cached.exists():
            source = maskable_svg(svg) if maskable else svg
            tmp_svg = cache / f"{key}-{name}.svg"
            tmp_svg.write_text(source)
            proc = subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-f", "png",
                                   "-o", str(cached) + ".tmp", str(tmp_svg)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if proc.returncode != 0:
                raise PackError(f"rsvg-convert could not draw {name}: {proc.stdout.strip()}")
            optimise_png(Path(str(cached) + ".tmp"))
            os.replace(str(cached) + ".tmp", cached)
        out[name] = cached.read_bytes()
    return out


def optimise_png(path):
    """Shrinks a PNG in place without changing a visible pixel: the service worker precaches
    every icon, so they are part of the first visit (31,986 -> 19,832 bytes for the four).
    optipng picks the colour type and filters, zopflipng recompresses the result (Debian's
    optipng and zopfli); --lossy_transparent only recolours pixels whose alpha is 0. Higher
    levels took 14-50 s of CPU for the four, on every fresh clone, for 230 bytes less."""
    for cmd in (["optipng", "-quiet", "-o2", "-strip", "all", str(path)],
                ["zopflipng", "-y", "--iterations=1", "--lossy_transparent", str(path), str(path)]):
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            raise PackError(f"{cmd[0]} failed on {path.name}: {proc.stdout.strip()}")


def references(text, names):
    """The file names (of `names`) this text names in quotes."""
    found = set()
    for name in names:
        if f'"{name}"' in text or f"'{name}'" in text:
            found.add(name)
    return found


def rewrite(text, mapping):
    for old, new in mapping.items():
        text = text.replace(f'"{old}"', f'"{new}"').replace(f"'{old}'", f"'{new}'")
    return text


def minified_js(data, cache, mode="page"):
    """The script minified by Debian's terser (src/toolchain/minify_js.js), cached by content.
    `page`: the page's scripts, read more than they are sent, so the source keeps them (page.js
    19.0 -> 12.2 KB with brotli without renaming, 11.3 KB with local names shortened and
    compressed). `program`: app.js, top-level names shortened too (26.2 -> 18.9 KB brotli'd)."""
    out = cache / f"{sha256(data + mode.encode())}.min.js"
    if not out.exists():
        env = dict(os.environ, NODE_PATH="/usr/share/nodejs")  # Debian's node-terser
        proc = subprocess.run(["node", str(Path(__file__).with_name("minify_js.js")), mode], input=data,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        if proc.returncode != 0:
            raise PackError(f"minifying a script failed: {proc.stderr.decode(errors='replace').strip()}")
        out.with_suffix(".tmp").write_bytes(proc.stdout)
        os.replace(out.with_suffix(".tmp"), out)
    return out.read_bytes()


def bundle_scripts(files, cache):
    """Joins the scripts index.html marks as a bundle into one file and names only that file
    there; the joined ones leave `files` (they are neither hashed nor precached)."""
    html = files["index.html"].decode("utf-8")

    def join(match):
        name, sources = match.group("name"), BUNDLED_SCRIPT.findall(match.group("body"))
        if not sources:
            raise PackError(f"index.html's bundle {name} names no script")
        if name in files:
            raise PackError(f"index.html's bundle {name} would replace a staged file of that name")
        parts = []
        for source in sources:
            if source not in files:
                raise PackError(f"index.html bundles {source}, which is not in the stage")
            # Each script is its own function expression: joined, they run as they did one by one.
            parts.append(files.pop(source).decode("utf-8").rstrip("\n") + "\n")
        files[name] = minified_js("".join(parts).encode("utf-8"), cache)
        return f'<script src="{name}"></script>'

    files["index.html"] = BUNDLE.sub(join, html).encode("utf-8")


def plan(files):
    """Final name and content of every file: hashed names for all but UNHASHED, with the
    quoted names inside text files rewritten first (so a file's hash covers what it names)."""
    names = set(files)
    deps = {}
    for name, data in files.items():
        if Path(name).suffix in TEXT_SUFFIXES and name != "sw.js":
            deps[name] = references(data.decode("utf-8"), names - {name})
        else:
            deps[name] = set()
    final_name, final_data = {}, {}
    visiting = set()

    def resolve(name):
        if name in final_name:
            return
        if name in visiting:
            raise PackError(f"{name} names itself through other files; cannot hash it")
        visiting.add(name)
        for dep in deps[name]:
            resolve(dep)
        data = files[name]
        if deps[name]:
            data = rewrite(data.decode("utf-8"), {d: final_name[d] for d in deps[name]}).encode("utf-8")
        final_data[name] = data
        keep = name in UNHASHED or name.startswith(RUNTIME_FOLDERS)
        final_name[name] = name if keep else hashed_name(name, sha256(data))
        visiting.discard(name)

    for name in sorted(files):
        if name != "sw.js":
            resolve(name)
    return final_name, final_data


def service_worker(source, final_name, final_data):
    """sw.js with its precache list: every file but itself, the install icons and the runtime-cached fonts, each
    with its sha-256 (the worker checks what it downloads, so one version is never mixed with
    another) and the version as the hash of that list."""
    entries = []
    for name in sorted(final_name):
        url = final_name[name]
        if name == "sw.js" or name in NOT_PRECACHED or name.startswith(RUNTIME_FOLDERS):
            continue
        checked = name not in DEPLOYER_FILES
        entry = {"url": url, "sha256": sha256(final_data[name]) if checked else None,
                 "size": len(final_data[name]) if checked else None}
        language = LANGUAGE_FILE.fullmatch(name)
        if language:
            entry["lang"] = language.group(1)
        entries.append(entry)
    version = sha256(json.dumps(entries, sort_keys=True).encode())[:HASH_LEN]
    marker = "const PRECACHE = [];"
    if marker not in source:
        raise PackError(f"web/sw.js must hold the line '{marker}' for the precache list")
    text = source.replace(marker, "const PRECACHE = " + json.dumps(entries, separators=(",", ":")) + ";", 1)
    text = text.replace('const VERSION = "dev";', f'const VERSION = "{version}";', 1)
    return text.encode("utf-8"), version


def compressed(data, cache):
    """(.br, .gz) of data: brotli -q 11 (Debian's brotli) and gzip -9, cached by content."""
    key = sha256(data)
    br, gz = cache / f"{key}.br", cache / f"{key}.gz"
    if not br.exists():
        src = cache / f"{key}.raw"
        src.write_bytes(data)
        proc = subprocess.run(["brotli", "-q", "11", "-f", "-o", str(br) + ".tmp", str(src)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        src.unlink()
        if proc.returncode != 0:
            raise PackError(f"brotli failed: {proc.stdout.strip()}")
        os.replace(str(br) + ".tmp", br)
    if not gz.exists():
        gz.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return br.read_bytes(), gz.read_bytes()


def read_stage(stage):
    files = {}
    for path in sorted(stage.rglob("*")):
        relative = path.relative_to(stage).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in relative.split("/")):
            files[relative] = path.read_bytes()
    return files


def kb(n):
    return f"{n / 1024:,.1f} KB"


def package(stage, dist, cache=None):
    """Builds `dist` from `stage` (both Paths); returns the packed files' sizes."""
    stage, dist = Path(stage), Path(dist)
    cache = Path(cache) if cache else dist.parent / ".dist-cache"
    cache.mkdir(parents=True, exist_ok=True)
    files = read_stage(stage)
    for needed in ("index.html", "sw.js", "icon.svg", "manifest.webmanifest"):
        if needed not in files:
            raise PackError(f"{needed} is missing from {stage}")
    fingerprint = sha256(b"".join(sha256(n.encode()).encode() + sha256(d).encode() for n, d in files.items())
                         + Path(__file__).read_bytes() + Path(__file__).with_name("minify_js.js").read_bytes())
    stamp = dist / ".packed-from"
    if stamp.exists() and stamp.read_text() == fingerprint and (dist / "index.html").exists():
        return json.loads((dist / ".sizes.json").read_text())
    started = time.time()
    files.update(make_icons(stage / "icon.svg", cache))
    if "console.js" in files and "app.wasm" in files:
        # The loading bar's total: what arrives is the decoded file, whatever the encoding.
        files["console.js"] = files["console.js"].replace(
            b"var WASM_BYTES = 0;", b"var WASM_BYTES = %d;" % len(files["app.wasm"]), 1)
        font_bytes = sum(len(data) for name, data in files.items() if "/" not in name and name.endswith(".ttf"))
        files["console.js"] = files["console.js"].replace(b"var FONT_BYTES = 0;", b"var FONT_BYTES = %d;" % font_bytes, 1)
    bundle_scripts(files, cache)
    if "app.js" in files:
        files["app.js"] = minified_js(files["app.js"], cache, "program")
    final_name, final_data = plan(files)
    sw, version = service_worker(files["sw.js"].decode("utf-8"), final_name, final_data)
    sw = minified_js(sw, cache)
    final_name["sw.js"], final_data["sw.js"] = "sw.js", sw

    fresh = dist.parent / (dist.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    sizes = {"version": version, "files": []}
    for name in sorted(final_name):
        out = fresh / final_name[name]
        out.parent.mkdir(parents=True, exist_ok=True)
        data = final_data[name]
        out.write_bytes(data)
        row = {"name": final_name[name], "raw": len(data), "br": None, "gz": None}
        if Path(name).suffix in COMPRESSED_SUFFIXES:
            br, gz = compressed(data, cache)
            (fresh / (final_name[name] + ".br")).write_bytes(br)
            (fresh / (final_name[name] + ".gz")).write_bytes(gz)
            row["br"], row["gz"] = len(br), len(gz)
        sizes["files"].append(row)
    (fresh / ".sizes.json").write_text(json.dumps(sizes, indent=1))
    (fresh / ".packed-from").write_text(fingerprint)
    old = dist.parent / (dist.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if dist.exists():
        os.replace(dist, old)
    os.replace(fresh, dist)
    shutil.rmtree(old, ignore_errors=True)
    print_sizes(sizes)
    log(f"packed version {version} in {time.time() - started:.1f} s")
    return sizes


def print_sizes(sizes):
    rows = sizes["files"]
    width = max(len(r["name"]) for r in rows)
    log(f"{'file':<{width}}  {'raw':>11}  {'gzip -9':>11}  {'brotli -q 11':>12}")
    total = {"raw": 0, "gz": 0, "br": 0}
    for r in rows:
        gz = kb(r["gz"]) if r["gz"] is not None else "-"
        br = kb(r["br"]) if r["br"] is not None else "-"
        log(f"{r['name']:<{width}}  {kb(r['raw']):>11}  {gz:>11}  {br:>12}")
        total["raw"] += r["raw"]
        total["gz"] += r["gz"] if r["gz"] is not None else r["raw"]
        total["br"] += r["br"] if r["br"] is not None else r["raw"]
    log(f"{'all files':<{width}}  {kb(total['raw']):>11}  {kb(total['gz']):>11}  {kb(total['br']):>12}")


if __name__ == "__main__":
    import sys
    if len(sys.argv) != 3:
        print("usage: dist.py STAGE DIST", file=sys.stderr)
        sys.exit(2)
    try:
        package(sys.argv[1], sys.argv[2])
    except PackError as e:
        print(f"dist: {e}", file=sys.stderr)
        sys.exit(1)
