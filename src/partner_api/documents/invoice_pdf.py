"""A one-page invoice PDF written by hand: PDF 1.4 with the standard Helvetica fonts in
WinAnsiEncoding (so ä ö ü ß print), no library needed."""
from ..money import format_amount

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LEFT, RIGHT = 56, 539

# Helvetica advance widths (1/1000 em) for the characters amounts use; others ~ 556.
_WIDTHS = {" ": 278, ",": 278, ".": 278, "-": 333, "U": 722, "S": 667, "D": 722, "E": 667,
           "R": 722, "C": 722, "H": 722, "F": 611, "G": 778}


def _text_width(text, size):
    return sum(_WIDTHS.get(ch, 556) for ch in text) * size / 1000


def _pdf_string(text):
    """A PDF literal string in WinAnsi (cp1252); bytes outside ASCII as octal escapes."""
    out = []
    for byte in text.encode("cp1252", errors="replace"):
        if byte in (0x28, 0x29, 0x5C):  # ( ) \ need escaping
            out.append("\\" + chr(byte))
        elif 32 <= byte < 127:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


class _Page:
    def __init__(self):
        self.ops = []

    def text(self, x, y, text, size=10, bold=False, align="left"):
        if align == "right":
            x -= _text_width(text, size)
        self.ops.append(f"BT /{'F2' if bold else 'F1'} {size} Tf {x:.2f} {y:.2f} Td {_pdf_string(text)} Tj ET")

    def line(self, x1, y1, x2, y2, width=0.5):
        self.ops.append(f"{width} w {x1} {y1} m {x2} {y2} l S")


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def invoice_pdf(invoice, seller):
    """`invoice` is the API's invoice JSON (with lines), `seller` the reseller's (GET /me);
    returns the PDF bytes."""
    currency = invoice["total"]["currency"]
    page = _Page()
    y = 780
    page.text(LEFT, y, seller["name"], 16, bold=True)
    page.text(RIGHT, y, "INVOICE", 16, bold=True, align="right")
    y -= 40
    page.text(LEFT, y, "Bill to", 9, bold=True)
    page.text(360, y, "Invoice number", 9, bold=True)
    page.text(RIGHT, y, invoice["number"], 9, align="right")
    y -= 14
    page.text(LEFT, y, _clip(invoice["customer_organization"], 50), 10)
    page.text(360, y, "Issued", 9, bold=True)
    page.text(RIGHT, y, invoice["issued_at"][:10], 9, align="right")
    y -= 14
    page.text(LEFT, y, _clip(invoice["customer_name"], 50), 10)
    page.text(360, y, "Due", 9, bold=True)
    page.text(RIGHT, y, invoice["due_at"][:10], 9, align="right")
    y -= 14
    page.text(360, y, "Status", 9, bold=True)
    page.text(RIGHT, y, invoice["status"].capitalize(), 9, align="right")
    y -= 40
    page.text(LEFT, y, "Description", 9, bold=True)
    page.text(380, y, "Qty", 9, bold=True, align="right")
    page.text(460, y, "Unit", 9, bold=True, align="right")
    page.text(RIGHT, y, "Amount", 9, bold=True, align="right")
    y -= 6
    page.line(LEFT, y, RIGHT, y)
    for line in invoice["lines"][:30]:
        y -= 16
        page.text(LEFT, y, _clip(line["description"], 58), 9)
        page.text(380, y, f"{line['quantity']:,}", 9, align="right")
        page.text(460, y, format_amount(line["unit_amount"]["amount"], None), 9, align="right")
        page.text(RIGHT, y, format_amount(line["amount"]["amount"], None), 9, align="right")
    y -= 10
    page.line(LEFT, y, RIGHT, y)
    for label, key, bold in (("Subtotal", "subtotal", False), ("Tax", "tax", False),
                             ("Total", "total", True)):
        y -= 18
        page.text(460, y, label, 10, bold=bold, align="right")
        page.text(RIGHT, y, format_amount(invoice[key]["amount"], currency), 10, bold=bold, align="right")
    page.text(LEFT, 60, f"Payable within 30 days. Amounts in {currency}.", 8)
    return _document("\n".join(page.ops).encode("latin-1"), invoice["number"])


def _document(content, title):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
         " /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>").encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Title {_pdf_string('Invoice ' + title)} /Producer (Reseller Console partner API) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
