"""Generates Emscripten's -sEXPORTED_FUNCTIONS list from the RC_EXPORT functions of
src/web/exports.cpp, the one file of functions the page calls in the wasm, and fails the build
when that is not so: a function exported from another file (EMSCRIPTEN_KEEPALIVE or RC_EXPORT
outside exports.cpp), or a script of web/ (or the page) naming an rc_* function that is not
exported (the bridge would find nothing to call). Run by the web build (CMakeLists.txt):

    web_exports.py --src SRC --scripts WEB --page SHELL/index.html --out BUILD/gen/exported_functions.txt

The output is one symbol a line, which emcc reads as -sEXPORTED_FUNCTIONS=@FILE."""
import argparse
import re
import sys
from pathlib import Path

EXPORTS_FILE = "web/exports.cpp"  # relative to src/
# The runtime's own: main, and the heap the bridge passes strings through.
RUNTIME = ["main", "malloc", "free"]
DECLARED = re.compile(r"^\s*RC_EXPORT\b[^;{]*?\b([A-Za-z_]\w*)\s*\(", re.M)
KEEPALIVE = re.compile(r"\b(EMSCRIPTEN_KEEPALIVE|RC_EXPORT)\b")
# What a script calls: a quoted name ("rc_on_paste") or Emscripten's symbol (Module._rc_on_paste).
CALLED = re.compile(r"""["'](rc_[a-z0-9_]+)["']|\b_(rc_[a-z0-9_]+)\b""")


class ExportsError(Exception):
    pass


# Comments out, string literals kept, in one pass from the left: "web/*.js" in a line comment
# opens no block comment, and "//" inside a string is no comment.
COMMENT_OR_STRING = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|//[^\n]*|/\*.*?\*/""", re.S)


def strip_comments(text):
    def keep(m):
        s = m.group(0)
        return s if s[0] in "\"'" else "\n" * s.count("\n")
    return COMMENT_OR_STRING.sub(keep, text)


def declared_exports(src):
    """The names RC_EXPORT declares in exports.cpp, in order."""
    path = Path(src) / EXPORTS_FILE
    if not path.exists():
        raise ExportsError(f"{path} is missing: every function the page calls is declared there")
    text = strip_comments(path.read_text(encoding="utf-8"))
    names = DECLARED.findall(text)
    if not names:
        raise ExportsError(f"{path} declares no RC_EXPORT function")
    seen = set()
    for name in names:
        if name in seen:
            raise ExportsError(f"{path}: {name} is exported twice")
        seen.add(name)
    # Inside the file too, every export goes through the macro (the list is made from it).
    for number, line in enumerate(text.splitlines(), 1):
        if "EMSCRIPTEN_KEEPALIVE" in line and not line.lstrip().startswith("#define RC_EXPORT"):
            raise ExportsError(f"{path}:{number}: declare exports with RC_EXPORT, not EMSCRIPTEN_KEEPALIVE")
    return names


def exports_elsewhere(src):
    """Files other than exports.cpp that export from the wasm."""
    found = []
    for path in sorted(Path(src).rglob("*")):
        if path.suffix not in (".cpp", ".h", ".cc", ".hpp") or path == Path(src) / EXPORTS_FILE:
            continue
        text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
        for number, line in enumerate(text.splitlines(), 1):
            if KEEPALIVE.search(line):
                found.append(f"{path.relative_to(src)}:{number}")
    return found


def called_names(files):
    """{rc_* name: [where]} that the page's scripts call."""
    called = {}
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in CALLED.finditer(line):
                called.setdefault(m.group(1) or m.group(2), []).append(f"{path.name}:{number}")
    return called


def page_files(scripts, page=None):
    files = sorted(Path(scripts).glob("*.js"))
    if page:
        files.append(Path(page))
    return files


def check(src, files):
    names = declared_exports(src)
    problems = [f"{where}: exports from the wasm outside {EXPORTS_FILE} (use RC_EXPORT there)"
                for where in exports_elsewhere(src)]
    for name, places in sorted(called_names(files).items()):
        if name not in names:
            problems.append(f"{', '.join(places)}: calls {name}, which {EXPORTS_FILE} does not export")
    if problems:
        raise ExportsError("the page and the wasm disagree on what is exported:\n  " + "\n  ".join(problems))
    return names


def generate(src, files, out):
    names = check(src, files)
    text = "".join(f"_{n}\n" for n in RUNTIME + names)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.read_text() != text:
        out.write_text(text)
    return names


def main(argv=None):
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", default=str(root / "src"))
    parser.add_argument("--scripts", default=str(root / "web"))
    parser.add_argument("--page", default=str(root / "shell" / "index.html"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    try:
        generate(args.src, page_files(args.scripts, args.page), args.out)
    except ExportsError as e:
        print(f"web_exports: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
