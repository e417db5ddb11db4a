#!/usr/bin/env python3
"""How long an invoice document takes, over 50 invoices of every case (German, EU reverse charge,
outside the EU, Greek, Chinese, Arabic names), fetched through the API of a server in this
process: the Factur-X PDF (p50, p95, the first one of the process apart), the XRechnung XML, and
as a peer in the same run the same page as a plain PDF (WeasyPrint alone: no PDF/A-3, no XML, no
text-layer repair), so the e-invoice's own cost shows. Prints figures; asserts nothing.

    python3 tests/server/invoice_bench.py [--invoices 50]
"""
import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from billing_support import GERMAN_PROFILE, customer_body  # noqa: E402
from support import ServerTestCase  # noqa: E402

MIX = ["german"] * 20 + ["austrian"] * 8 + ["american"] * 8 + ["greek"] * 5 + ["chinese"] * 5 + ["arabic"] * 4


class Bench(ServerTestCase):
    settings = {"session_hours": 24 * 365}

    def runTest(self):
        pass


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def figures(name, seconds):
    ms = [s * 1000 for s in seconds]
    print(f"  {name:<44} p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms"
          f"   max {max(ms):7.1f} ms   (n={len(ms)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--invoices", type=int, default=50)
    args = parser.parse_args()
    Bench.setUpClass()
    bench = Bench()
    try:
        token = bench.sign_in("invoice.bench@example.com")
        bench.ok("PUT", "/api/v1/billing-profile", GERMAN_PROFILE, token)
        invoices = []
        for n in range(args.invoices):
            case = MIX[n % len(MIX)]
            customer = bench.ok("POST", "/api/v1/customers", customer_body(case, n), token, status=201)
            bench.accept(customer)
            invoices.append(bench.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                                     {"licenses": 5 + n}, token, status=201)["invoice"])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        timed = {"pdf": [], "xml": [], "plain": []}
        for invoice in invoices:
            for kind, path in (("pdf", "pdf"), ("xml", "xrechnung.xml")):
                started = time.perf_counter()
                reply = bench.call("GET", f"/api/v1/invoices/{invoice['id']}/{path}", token=token)
                timed[kind].append(time.perf_counter() - started)
                assert reply.status == 200, reply
        from partner_api.documents.fonts import font_faces
        from partner_api.documents.invoice_html import invoice_html
        from partner_api.documents.invoice_pdf import stack
        weasyprint, _, fonts = stack()
        for invoice in invoices:
            detail = bench.ok("GET", f"/api/v1/invoices/{invoice['id']}", token=token)
            started = time.perf_counter()
            html = invoice_html(detail, font_faces(str(detail)))
            weasyprint.HTML(string=html).write_pdf(font_config=fonts.FontConfiguration())
            timed["plain"].append(time.perf_counter() - started)
        print(f"{args.invoices} invoices ({', '.join(sorted(set(MIX)))}); load average "
              f"{open('/proc/loadavg').read().split()[0]}")
        print(f"  first Factur-X PDF of the process (imports WeasyPrint, sets up fonts): "
              f"{timed['pdf'][0] * 1000:.0f} ms")
        figures("Factur-X PDF (PDF/A-3 + XML), GET /pdf", timed["pdf"][1:])
        figures("peer: the same page as a plain PDF", timed["plain"])
        figures("XRechnung XML, GET /xrechnung.xml", timed["xml"])
        cjk = [t for t, invoice, n in zip(timed["pdf"], invoices, range(len(invoices)))
               if MIX[n % len(MIX)] == "chinese" and n]
        if cjk:
            figures("Factur-X PDF with a Chinese name", cjk)
        print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
              f" (before the documents: {rss:.0f} MB)")
    finally:
        Bench.tearDownClass()


if __name__ == "__main__":
    main()
