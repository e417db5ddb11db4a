"""What the billing tests share: a German reseller's billing profile, customers with billing
details in the countries the tax rules tell apart, and reading a PDF back (pdftotext, pikepdf)."""
import os
import shutil
import subprocess
import sys
import tempfile

GERMAN_PROFILE = {
    "legal_name": "Northwind Cloud Partners GmbH",
    "address": {"street": "Friedrichstraße 68", "postal_code": "10117", "city": "Berlin", "country": "DE"},
    "vat_id": "DE 123 456 789", "tax_number": "30/123/45678", "currency": None, "invoice_prefix": "RE-{YYYY}-",
    "payment_terms_days": 14, "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX",
    "email": "rechnung@northwind.example", "phone": "+49 30 1234567",
}

# Customers by case: (organization, contact, billing details).
CASES = {
    "german": ("Müller Bau GmbH", "Jürgen Müller", {
        "address": {"street": "Hauptstraße 5", "postal_code": "80331", "city": "München", "country": "DE"},
        "vat_id": "DE987654321", "language": None, "email": "buchhaltung@mueller-bau.example",
        "buyer_reference": None}),
    "austrian": ("Gruber Holz GmbH", "Anna Gruber", {
        "address": {"street": "Ringstraße 1", "postal_code": "1010", "city": "Wien", "country": "AT"},
        "vat_id": "ATU12345678", "language": None, "email": None, "buyer_reference": None}),
    "american": ("Smith Logistics Inc.", "John Smith", {
        "address": {"street": "500 Fifth Avenue", "postal_code": "10110", "city": "New York", "country": "US"},
        "vat_id": None, "language": None, "email": None, "buyer_reference": None}),
    "greek": ("Ελληνική Εταιρεία Λογισμικού Α.Ε.", "Γιώργος Παπαδόπουλος", {
        "address": {"street": "Λεωφόρος Κηφισίας 12", "postal_code": "11526", "city": "Αθήνα", "country": "GR"},
        "vat_id": "GR123456789", "language": None, "email": None, "buyer_reference": None}),
    "chinese": ("北京科技有限公司", "王小明", {
        "address": {"street": "朝阳区建国路88号", "postal_code": "100022", "city": "北京", "country": "CN"},
        "vat_id": None, "language": None, "email": None, "buyer_reference": None}),
    "arabic": ("شركة الخليج للتجارة", "محمد العلي", {
        "address": {"street": "شارع الشيخ زايد 1", "postal_code": "00000", "city": "دبي", "country": "AE"},
        "vat_id": None, "language": "en", "email": None, "buyer_reference": None}),
    "russian": ("ООО «Ромашка»", "Иван Петров", {
        "address": {"street": "Тверская улица 7", "postal_code": "125009", "city": "Москва", "country": "RU"},
        "vat_id": None, "language": None, "email": None, "buyer_reference": None}),
    "public": ("Stadtverwaltung Musterstadt", "Petra Amt", {
        "address": {"street": "Rathausplatz 1", "postal_code": "12345", "city": "Musterstadt", "country": "DE"},
        "vat_id": None, "language": "de", "email": "e-rechnung@musterstadt.example",
        "buyer_reference": "04011000-12345-34"}),
}


def customer_body(case, n):
    organization, contact, billing = CASES[case]
    return {"name": contact, "email": f"it@{case}-{n}.example", "google_domain": f"{case}-{n}.example",
            "organization": organization, "billing": billing}


def debian(*names):
    """Debian's python3-* modules (pikepdf) for the tests, through the server's one way to them."""
    from partner_api.debian_packages import import_debian
    return import_debian(*names)


def pdf_text(pdf, *options):
    """What pdftotext reads from the PDF (UTF-8), bidirectional marks left out."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise AssertionError("pdftotext is missing: install the Debian package poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "invoice.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        result = subprocess.run([tool, *options, path, "-"], capture_output=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(result.stderr.decode())
    text = result.stdout.decode("utf-8")
    return "".join(ch for ch in text if ch not in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f")


def qpdf_check(pdf):
    """(exit code, output) of qpdf --check."""
    tool = shutil.which("qpdf")
    if tool is None:
        raise AssertionError("qpdf is missing: install the Debian package qpdf")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "invoice.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        result = subprocess.run([tool, "--check", path], capture_output=True, timeout=60)
    return result.returncode, result.stdout.decode() + result.stderr.decode()


def screenshot(pdf, name, root):
    """Every page of the PDF as build/screenshots/<name>-<page>.png (pdftoppm, 100 dpi)."""
    folder = root / "build" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "invoice.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        subprocess.run(["pdftoppm", "-r", "100", "-png", path, str(folder / name)], check=True, timeout=120)
    return sorted(folder.glob(f"{name}-*.png"))


if "partner_api" not in sys.modules:  # importable on its own (support.py puts src/ first)
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src"))
