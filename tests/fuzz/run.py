#!/usr/bin/env python3
"""Fuzzes src/core for a fixed time per target and prints what happened: a benchmark-style
run, not part of tests/run (whose regression suite replays tests/fuzz/regressions/).

    python3 tests/fuzz/run.py                  # every target, 30 s each
    python3 tests/fuzz/run.py --seconds 120 store route
    python3 tests/fuzz/run.py --list

Builds the targets with clang-14 (-fsanitize=fuzzer,address,undefined) into build/fuzz,
keeps each target's corpus in build/fuzz/corpus/<target> (seeded from tests/contract/ and the
validation cases, and growing from run to run), passes the JSON targets a dictionary of the
API's keys, and writes every finding to build/fuzz/findings/<target>/. A target that finds
something is started again on its grown corpus until its time is used up. Then the validation
target's corpus is held against the server's own rules (src/partner_api/validation.py).
"""
import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from toolchain import SetupError, ensure_fuzz_build, sanitizer_env  # noqa: E402

CONTRACT = ROOT / "tests" / "contract"
MAX_LEN = {"json": 32768, "store": 8192, "other": 1024}
RESTARTS = 20  # per target and run: findings after that are left for the next run

# Field codes of the validation target's head byte (see targets.cpp): 0 name, 1 email,
# 2 google_domain, 3 organization.
FIELD_CODES = {"name": 0, "email": 1, "google_domain": 2, "organization": 3}

ROUTE_SEEDS = ["#/dashboard", "#/customers", "#/customers?q=M%C3%BCller&status=active&sort=-licenses",
               "#/customers/42", "#/invoices/12?customer=3&status=open&from=2026-01-01&to=2026-12-31",
               "#/invoices?status=overdue", "#/customers?q=a+b%26c%3Dd"]
FORMAT_SEEDS = ["2026-12-31", "2026-02-29", "2026-12-04T11:00:00Z", "2026-03", "1999-1-1"]


def targets(build_dir):
    """Target names, and which of them take JSON bodies (build/fuzz/targets.txt, from targets.cpp)."""
    entries = (build_dir / "targets.txt").read_text().strip().split(";")
    names = [e.split(":")[0] for e in entries]
    JSON_TARGETS.update(e.split(":")[0] for e in entries if e.endswith(":json"))
    return names


JSON_TARGETS = set()


def is_json_target(name):
    return name in JSON_TARGETS


def write_seed(folder, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def seeds(name, folder):
    """The starting inputs: contract examples, validation cases, typical addresses, and the
    hand-written ones of tests/fuzz/seeds/<target>/ (e.g. an activity entry of every kind)."""
    extra = ROOT / "tests" / "fuzz" / "seeds" / name
    if extra.is_dir():
        for path in sorted(extra.iterdir()):
            write_seed(folder, path.read_bytes())
    if name.startswith("decode_"):
        for path in sorted(CONTRACT.glob("*.json")):
            if path.name != "validation_cases.json":
                write_seed(folder, path.read_bytes())
    elif name == "validation":
        cases = json.loads((CONTRACT / "validation_cases.json").read_text())
        for field, groups in cases.items():
            if field not in FIELD_CODES:
                continue
            for value in groups.get("valid", []) + groups.get("invalid", []):
                for language in (0x00, 0x80):
                    write_seed(folder, bytes([FIELD_CODES[field] | language]) + value.encode("utf-8", "surrogatepass"))
    elif name == "route":
        for hash_ in ROUTE_SEEDS:
            write_seed(folder, b"\x00" + hash_.encode())
            write_seed(folder, b"\x01" + hash_.encode())
    elif name == "format":
        for text in FORMAT_SEEDS:
            write_seed(folder, b"\x01" + text.encode())
            write_seed(folder, b"\x81" + text.encode())
        write_seed(folder, b"\x00" + (12345678).to_bytes(8, "big") + b"\x00")
        write_seed(folder, b"\x02\x08{} of {}\x03abc\x03def")
    else:
        write_seed(folder, b"\x00")


def dictionary(path):
    """Every key and short string value of the contract examples, plus JSON's own tokens and the
    numbers and escapes that break decoders: the mutator then builds answers with real keys."""
    words = set()

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                words.add(json.dumps(k))
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and len(value) <= 40:
            words.add(json.dumps(value))

    for p in sorted(CONTRACT.glob("*.json")):
        walk(json.loads(p.read_text()))
    words |= {"{", "}", "[", "]", ":", ",", "null", "true", "false", "-0", "0.5", "1e400", "-1e400",
              "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
              "2147483647", "2147483648", "\"\\ud800\"", "\"\\udc00\"", "\"\\u0000\"", "\"\\uffff\"",
              "\"2026-02-31\"", "\"9999-99-99T99:99:99Z\"", "\"\\u202e\"", "\"\\u200b\""}

    def escape(word):
        return "".join(ch if 0x20 <= ord(ch) < 0x7f and ch not in '"\\' else f"\\x{ord(ch):02x}"
                       for ch in word.encode("utf-8").decode("latin-1"))

    path.write_text("".join(f'"{escape(w)}"\n' for w in sorted(words)))
    return len(words)


def parse_stats(output):
    stats = {}
    for key, value in re.findall(r"^stat::(\w+):\s*(\d+)", output, re.M):
        stats[key] = int(value)
    cov = re.findall(r"\bcov: (\d+) ft: (\d+) corp: (\d+)", output)
    if cov:
        stats["cov"], stats["ft"], stats["corpus"] = (int(x) for x in cov[-1])
    return stats


def signature(output):
    """What a finding is, in a line: a broken property, or the sanitizer's summary and top frame."""
    prop = re.search(r"^==PROPERTY== (.*)$", output, re.M)
    if prop:
        return "property: " + re.sub(r"-?\d+", "N", prop.group(1))[:160]
    summary = re.search(r"^SUMMARY: (.*)$", output, re.M)
    frames = re.findall(r"^\s*#\d+ 0x[0-9a-f]+ in (\S+) (\S*src/core/\S+|\S*tests/fuzz/\S+)", output, re.M)
    where = f" in {frames[0][0]} {Path(frames[0][1]).name}" if frames else ""
    if summary:
        return summary.group(1)[:160] + where
    if "Timeout" in output or "timeout" in output:
        return "timeout" + where
    return "stopped without a report" + where


def fuzz(binary, name, seconds, corpus, findings, dict_path):
    """Runs one target for `seconds`, starting again after each finding; returns figures."""
    corpus.mkdir(parents=True, exist_ok=True)
    findings.mkdir(parents=True, exist_ok=True)
    seeds(name, corpus)
    kind = "json" if is_json_target(name) else ("store" if name == "store" else "other")
    deadline = time.time() + seconds
    total = {"execs": 0, "cov": 0, "ft": 0, "corpus": 0, "rss": 0}
    found = {}
    restarts = 0
    env = sanitizer_env()
    while True:
        left = int(deadline - time.time())
        if left < 1:
            break
        args = [str(binary), f"-max_total_time={left}", "-print_final_stats=1", f"-max_len={MAX_LEN[kind]}",
                "-timeout=10", "-rss_limit_mb=2048", "-malloc_limit_mb=1024", "-use_value_profile=1",
                f"-artifact_prefix={findings}/", str(corpus)]
        if kind == "json":
            args.insert(1, f"-dict={dict_path}")
        proc = subprocess.run(args, cwd=findings, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace")
        stats = parse_stats(proc.stdout)
        total["execs"] += stats.get("number_of_executed_units", 0)
        total["rss"] = max(total["rss"], stats.get("peak_rss_mb", 0))
        for k in ("cov", "ft", "corpus"):
            total[k] = max(total[k], stats.get(k, 0))
        artifact = re.search(r"Test unit written to (\S+)", proc.stdout)
        if proc.returncode == 0 or not artifact:
            if proc.returncode != 0:
                found.setdefault(signature(proc.stdout), []).append("(no input saved)")
            break
        sig = signature(proc.stdout)
        found.setdefault(sig, []).append(artifact.group(1))
        (Path(artifact.group(1)).with_suffix(".log")).write_text(proc.stdout[-20000:])
        restarts += 1
        if restarts >= RESTARTS:
            break
    total["seconds"] = seconds
    return total, found


def validation_differences(build_dir, corpus):
    """Inputs of the validation corpus on which the console and the server disagree."""
    sys.path.insert(0, str(ROOT / "src"))
    from partner_api.validation import Fields  # the server's own rules, standard library only

    files = sorted(p for p in corpus.iterdir() if p.is_file())
    proc = subprocess.run([str(build_dir / "validation_verdicts")], input="\n".join(map(str, files)) + "\n",
                          stdout=subprocess.PIPE, text=True, env=sanitizer_env(), check=True)
    verdicts = proc.stdout.split()
    checked, differences = 0, []
    for path, console in zip(files, verdicts):
        data = path.read_bytes()
        if not data or console == "-":
            continue
        try:
            value = data[1:].decode("utf-8")  # the server only ever receives valid UTF-8
        except UnicodeDecodeError:
            continue
        field = {0: "name", 1: "email", 2: "google_domain", 3: "organization"}[data[0] & 3]
        f = Fields({field: value}, {field})
        {"name": f.name, "organization": f.name, "email": f.email, "google_domain": f.domain}[field](field)
        server = "0" if field in f.errors else "1"
        checked += 1
        if server != console:
            differences.append((field, value, console == "1", server == "1"))
    return checked, differences


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--seconds", type=int, default=30, help="fuzzing time per target (default 30)")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    opts = parser.parse_args()
    try:
        build_dir = ensure_fuzz_build()
    except SetupError as e:
        print(f"setup failed: {e}", file=sys.stderr)
        return 1
    names = targets(build_dir)
    if opts.list:
        print("\n".join(names))
        return 0
    unknown = [t for t in opts.targets if t not in names]
    if unknown:
        print(f"unknown targets: {' '.join(unknown)} (see --list)", file=sys.stderr)
        return 1
    chosen = opts.targets or names
    dict_path = build_dir / "api.dict"
    words = dictionary(dict_path)
    print(f"fuzzing {len(chosen)} targets for {opts.seconds} s each; dictionary: {words} entries", flush=True)

    rows, all_found = [], {}
    for name in chosen:
        started = time.time()
        figures, found = fuzz(build_dir / f"fuzz_{name}", name, opts.seconds, build_dir / "corpus" / name,
                              build_dir / "findings" / name, dict_path)
        took = time.time() - started
        rows.append((name, figures, len(found), took))
        all_found[name] = found
        print(f"  {name:<28} {figures['execs']:>10,} execs {figures['execs'] / max(took, 1):>8,.0f}/s  "
              f"cov {figures['cov']:>5}  ft {figures['ft']:>6}  corpus {figures['corpus']:>5}  "
              f"rss {figures['rss']:>5} MB  findings {len(found)}", flush=True)

    print("\n=== Fuzzing summary ===")
    print(f"{'target':<28} {'seconds':>7} {'executions':>12} {'exec/s':>8} {'cov':>6} {'features':>8} {'corpus':>7} {'findings':>8}")
    for name, f, n, took in rows:
        print(f"{name:<28} {took:>7.0f} {f['execs']:>12,} {f['execs'] / max(took, 1):>8,.0f} {f['cov']:>6} {f['ft']:>8} "
              f"{f['corpus']:>7} {n:>8}")
    total_found = sum(len(f) for f in all_found.values())
    if total_found:
        print("\nFindings (input files under build/fuzz/findings/<target>/; reproduce: build/fuzz/fuzz_<target> FILE):")
        for name, found in all_found.items():
            for sig, files in found.items():
                print(f"  {name}: {sig}\n      {len(files)}x, e.g. {files[0]}")

    if "validation" in chosen:
        checked, diffs = validation_differences(build_dir, build_dir / "corpus" / "validation")
        print(f"\nValidation against the server's rules: {checked} corpus inputs, {len(diffs)} verdicts differ")
        for field, value, console, server in diffs[:15]:
            print(f"  {field}: {value!r}: console {'accepts' if console else 'refuses'}, "
                  f"server {'accepts' if server else 'refuses'}")
        total_found += len(diffs)
    print(f"\n{total_found} findings")
    return 1 if total_found else 0


if __name__ == "__main__":
    sys.exit(main())
