#!/usr/bin/env python3
"""Runs every server test (tests/server/test_*.py) and ends with exactly one line
`N passed, N failed` (errors count as failed; `, N skipped` is added when any were skipped).
Exit code 1 if anything failed.

    run_tests.py [--postgres] [PATTERN]   --postgres: against PostgreSQL, in a throwaway cluster

The test_postgres_*.py modules (processes, HAProxy, pg_dump...) need PostgreSQL whichever
backend the rest uses: they run in the PostgreSQL pass, or when named by PATTERN.
"""
import os
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


def iterate(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from iterate(item)
        else:
            yield item


def main():
    sys.path.insert(0, str(HERE))
    args = sys.argv[1:]
    if "--postgres" in args:
        args.remove("--postgres")
        os.environ["PARTNER_API_TEST_BACKEND"] = "postgresql"
    postgres = os.environ.get("PARTNER_API_TEST_BACKEND") == "postgresql"
    pattern = args[0] if args else "test_*.py"
    suite = unittest.defaultTestLoader.discover(str(HERE), pattern=pattern, top_level_dir=str(HERE))
    if not args and not postgres:
        suite = unittest.TestSuite(test for test in iterate(suite) if not test.id().startswith("test_postgres_"))
    result = unittest.TextTestRunner(verbosity=1, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    sys.stdout.flush()
    print(line, flush=True)
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
