"""Documents made from invoices, registered by format. A format is a pure function from the
API's own JSON of an invoice (or of a list of invoices) to bytes, plus one line below; its
endpoint (GET /invoices/{id}/<name>, GET /invoices/export.<name>) and its OpenAPI entry
(tests/server/make_openapi.py) follow from that line."""
import dataclasses
import typing

from .cii import xrechnung_xml
from .bulk_report_csv import bulk_report_csv  # noqa: F401  (the handlers' other files)
from .customers_csv import COLUMNS as CUSTOMER_COLUMNS, customers_csv  # noqa: F401
from .invoice_pdf import invoice_pdf
from .invoices_csv import invoices_csv
from .spreadsheet import DIALECTS  # noqa: F401


@dataclasses.dataclass(frozen=True)
class InvoiceFormat:
    """One invoice as a file: render(invoice JSON with lines, reseller JSON as GET /me) -> bytes."""
    name: str                   # the last segment of GET /invoices/{id}/<name>
    media_type: str
    extension: str              # of the attachment's name, <invoice number>.<extension>
    summary: str                # for the OpenAPI document
    render: typing.Callable


@dataclasses.dataclass(frozen=True)
class ExportFormat:
    """Every matching invoice as one file, streamed: render(invoice summaries) -> byte chunks; a
    spreadsheet is also given the dialect the request asks for (?format=excel-de, spreadsheet.py)."""
    name: str                   # GET /invoices/export.<name>, also the attachment's extension
    media_type: str
    summary: str                # for the OpenAPI document
    render: typing.Callable
    spreadsheet: bool = False   # render(summaries, dialect)


INVOICE_FORMATS = (
    InvoiceFormat("pdf", "application/pdf", "pdf",
                  "The invoice as PDF/A-3 (attachment named <number>.pdf); a Factur-X / ZUGFeRD e-invoice (profile"
                  " EN 16931, factur-x.xml inside) when the invoice holds what EN 16931 needs", invoice_pdf),
    InvoiceFormat("xrechnung.xml", "application/xml", "xrechnung.xml",
                  "The invoice as XRechnung 3.0 (UN/CEFACT CII), for public-sector customers (attachment named"
                  " <number>.xrechnung.xml); 409 invoice_incomplete with error.missing when it was issued without"
                  " what XRechnung needs", xrechnung_xml),
)
EXPORT_FORMATS = (
    ExportFormat("csv", "text/csv; charset=utf-8", "All matching invoices as CSV (?format=excel-de for German Excel)",
                 invoices_csv, spreadsheet=True),
)
