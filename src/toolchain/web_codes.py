"""Generates the page's codes.js from the C++ enums whose numbers the wasm and the page's
scripts exchange (Google's status, storage answers, page events, display preferences, the
accessibility mirror's states), so the two sides cannot drift apart; and fails when a script
of web/ names a code that no enum has. Run by the web build (CMakeLists.txt):

    web_codes.py --src SRC --scripts WEB --out STAGE/codes.js [--json-out CODES.json]

Scripts use a code only as `codes.Group.Name` (never an alias of `codes.Group`), so every use
is checked here."""
import argparse
import json
import re
import sys
from pathlib import Path

# The page's name for each group -> the C++ enum it is generated from (found by name in the
# headers under src/; exactly one definition must exist).
CODES = {
    "GoogleStatus": "GoogleStatus",   # rc::GoogleStatus, how Google's script fared
    "StorageStatus": "StorageStatus", # rc::Platform::StorageStatus, IndexedDB's answers
    "PageEvent": "PageEvent",         # rc::web::PageEvent, online/offline/new version
    "Preference": "Preference",       # rc::web::Preference, reduced motion, more contrast
    "A11yState": "State",             # rc::ui::a11y::State, the mirror's node states
}
GENERATED = "codes.js"
USE = re.compile(r"\bcodes((?:\.[A-Za-z_$][\w$]*)*)")
# A // comment at the start of a line or after a space (not "https://" inside a string).
LINE_COMMENT = re.compile(r"(^|\s)//.*$")
ENUM = r"\benum\s+(?:class\s+|struct\s+)?{name}\s*(?::\s*[\w:\s]+?)?\s*\{{(?P<body>[^{{}}]*)\}}"


class CodesError(Exception):
    pass


# Comments out, string literals kept, in one pass from the left: "web/*.js" in a line comment
# opens no block comment, and "//" inside a string is no comment.
COMMENT_OR_STRING = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|//[^\n]*|/\*.*?\*/""", re.S)


def strip_comments(text):
    def keep(m):
        s = m.group(0)
        return s if s[0] in "\"'" else "\n" * s.count("\n")
    return COMMENT_OR_STRING.sub(keep, text)


def enumerators(body, where):
    """[(name, value)] of an enum's body, with C++'s implicit numbering."""
    out, names, following = [], {}, 0
    for part in body.split(","):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([A-Za-z_]\w*)\s*(?:=\s*(.+))?", part, re.S)
        if not m:
            raise CodesError(f"{where}: cannot read the enumerator '{part}'")
        name, value = m.group(1), m.group(2)
        if value is not None:
            value = value.strip()
            if re.fullmatch(r"0[xX][0-9a-fA-F]+|\d+", value):
                following = int(value, 0)
            elif value in names:
                following = names[value]
            else:
                raise CodesError(f"{where}: {name} = {value} is not a number this generator reads "
                                 "(write a plain number)")
        names[name] = following
        out.append((name, following))
        following += 1
    if not out:
        raise CodesError(f"{where}: the enum has no enumerators")
    return out


def find_enum(src, name):
    """The enumerators of the one enum called `name` in the headers under `src`."""
    pattern = re.compile(ENUM.format(name=re.escape(name)))
    found = []
    for header in sorted(Path(src).rglob("*.h")):
        text = strip_comments(header.read_text(encoding="utf-8"))
        for m in pattern.finditer(text):
            found.append((header, m.group("body")))
    if not found:
        raise CodesError(f"no header under {src} defines enum {name}")
    if len(found) > 1:
        places = ", ".join(str(h.relative_to(src)) for h, _ in found)
        raise CodesError(f"enum {name} is defined more than once ({places}); name the one the page uses")
    header, body = found[0]
    return header.relative_to(src).as_posix(), enumerators(body, f"{header.relative_to(src)}: enum {name}")


def read_codes(src):
    return {group: find_enum(src, enum) for group, enum in CODES.items()}


def check_uses(scripts, codes):
    """Every codes.Group.Name in the page's scripts exists; a list of problems (empty: none)."""
    problems = []
    for path in sorted(Path(scripts).glob("*.js")):
        if path.name == GENERATED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = LINE_COMMENT.sub("", line)  # comments may speak of codes.GoogleStatus
            for m in USE.finditer(line):
                parts = m.group(1).lstrip(".").split(".") if m.group(1) else []
                where = f"{path.name}:{number}"
                if not parts:
                    continue  # the namespace itself (var codes = web.codes)
                if len(parts) < 2:
                    problems.append(f"{where}: use a code as codes.Group.Name ('codes{m.group(1)}' hides it from this check)")
                    continue
                group, name = parts[0], parts[1]
                if group not in codes:
                    problems.append(f"{where}: codes.{group} is no group of codes ({', '.join(sorted(codes))})")
                elif name not in dict(codes[group][1]):
                    problems.append(f"{where}: codes.{group}.{name} does not exist in enum {CODES[group]} "
                                    f"({codes[group][0]}: {', '.join(n for n, _ in codes[group][1])})")
    return problems


def render(codes):
    lines = ["// Generated by src/toolchain/web_codes.py from the C++ enums named below; do not edit.",
             "// The wasm and the page exchange these numbers (see src/web/page_codes.h).",
             "(function () {",
             '  "use strict";',
             "  var web = window.rcWeb = window.rcWeb || {};",
             "  web.codes = Object.freeze({"]
    groups = list(codes.items())
    for i, (group, (header, values)) in enumerate(groups):
        members = ", ".join(f"{name}: {value}" for name, value in values)
        comma = "," if i + 1 < len(groups) else ""
        lines.append(f"    // enum {CODES[group]}, src/{header}")
        lines.append(f"    {group}: Object.freeze({{{members}}}){comma}")
    lines += ["  });", "})();", ""]
    return "\n".join(lines)


def generate(src, scripts, out):
    codes = read_codes(src)
    problems = check_uses(scripts, codes)
    if problems:
        raise CodesError("the page's scripts name codes the C++ enums do not have:\n  " + "\n  ".join(problems))
    text = render(codes)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return codes


def main(argv=None):
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", default=str(root / "src"))
    parser.add_argument("--scripts", default=str(root / "web"))
    parser.add_argument("--out", required=True)
    parser.add_argument("--json-out", help="also write the codes as JSON (the native tests compare them with the compiler's)")
    args = parser.parse_args(argv)
    try:
        codes = generate(args.src, args.scripts, args.out)
    except CodesError as e:
        print(f"web_codes: {e}", file=sys.stderr)
        return 1
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({g: dict(v) for g, (_, v) in codes.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
