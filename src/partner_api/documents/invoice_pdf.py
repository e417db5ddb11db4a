"""The invoice as PDF: the page laid out by WeasyPrint (Debian's weasyprint, HTML and CSS to PDF,
text shaped by HarfBuzz, fonts found by fontconfig and embedded), saved as PDF/A-3b, and, when
the invoice holds everything EN 16931 needs, a Factur-X / ZUGFeRD e-invoice with its CII XML
inside (facturx.py). Invoices issued before e-invoices, or without what the XML needs, are the
same PDF without the XML (their `e_invoice_missing` says why).

WeasyPrint is imported on the first PDF (the server starts without it and answers 503
documents_unavailable until it is installed), and PDFs are made one at a time per process:
rendering is CPU work under the GIL, and Pango's font set-up is not safe to share between
threads."""
import contextlib
import datetime as dt
import hashlib
import logging
import os
import threading

from ..errors import DocumentsUnavailable
from .cii import cii_xml
from .facturx import finisher
from .fonts import font_faces
from .invoice_html import invoice_html
from .wording import label

_LOCK = threading.Lock()
_STACK = {}


def stack():
    """(weasyprint, pydyf), imported once through the one place that reaches Debian's packages."""
    if not _STACK:
        from ..debian_packages import import_debian
        try:
            weasyprint, pydyf, fonts = import_debian("weasyprint", "pydyf", "weasyprint.text.fonts")
        except (ImportError, OSError) as error:  # OSError: the package is there, Pango is not
            raise DocumentsUnavailable() from error
        logging.getLogger("weasyprint").setLevel(logging.ERROR)  # "PDF/A support is experimental", per PDF
        logging.getLogger("fontTools").setLevel(logging.WARNING)
        _STACK.update(weasyprint=weasyprint, pydyf=pydyf, fonts=fonts)
    return _STACK["weasyprint"], _STACK["pydyf"], _STACK["fonts"]


def invoice_pdf(invoice, seller=None):
    """`invoice` is the API's invoice JSON (with lines and the parties as issued); `seller`, the
    account as GET /me gives it, is not needed: an invoice keeps its seller. Returns PDF bytes."""
    weasyprint, pydyf, fonts_module = stack()
    factur_x = not invoice["e_invoice_missing"]["factur_x"]
    xml = cii_xml(invoice, "en16931") if factur_x else None
    title = f"{label(invoice['language'], 'credit_note' if invoice['kind'] == 'credit_note' else 'invoice')}" \
            f" {invoice['number']}"
    text = " ".join(_texts(invoice))
    finish = finisher(pydyf, title, invoice["seller"]["name"], invoice["issued_at"], xml)
    identifier = hashlib.md5(f"{invoice['number']}\n{invoice['issued_at']}".encode()).hexdigest().encode()
    with _LOCK, font_timestamps(invoice["issued_at"]):
        faces = font_faces(text)
        fonts = fonts_module.FontConfiguration()
        html = weasyprint.HTML(string=invoice_html(invoice, faces))
        return html.write_pdf(variant="pdf/a-3b", font_config=fonts, finisher=finish, identifier=identifier,
                              optimize_size=("fonts",))


@contextlib.contextmanager
def font_timestamps(issued_at):
    """fontTools stamps every font it saves (the subsets WeasyPrint embeds) with the time, unless
    SOURCE_DATE_EPOCH says otherwise: the invoice's own time keeps the same invoice the same bytes.
    Set only while a PDF is made (one at a time, under the lock)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.strptime(issued_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def _texts(value):
    """Every string in the invoice (the CJK font is cut to their characters)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)

