"""An invoice as an HTML page that WeasyPrint lays out on A4: the seller's letterhead, the
buyer's address, the invoice's facts, the lines with their service periods (wrapped, never cut),
the totals by tax rate or the note why there is no VAT, the payment terms and bank account, and
the seller's details in every page's footer. Every text a person typed is escaped and isolated
(<bdi>), so a right-to-left name keeps its own order inside a left-to-right line."""
from html import escape

from .fonts import FAMILIES
from .wording import (address_lines, amount_text, bank_text, date_text, label, number_text, payment_terms,
                      period_text, rate_text, tax_note)

CSS = """
@page {
  size: A4; margin: 18mm 20mm 30mm 22mm;
  @bottom-left { content: element(footer); vertical-align: top; }
  @bottom-right { content: PAGE_OF; font: 7.2pt FAMILIES; color: #4a5563; white-space: nowrap;
                  width: 24mm; text-align: right; vertical-align: top; padding-top: 2.4mm; }
}
html { font-family: FAMILIES; font-size: 9.5pt; color: #1b1f24; line-height: 1.35; }
body { margin: 0; }
bdi { unicode-bidi: isolate; }
.letterhead { width: 100%; border-collapse: collapse; border-bottom: 1.2pt solid #1f4e79; }
.letterhead td { vertical-align: top; padding: 0 0 3mm 0; }
.seller-name { font-size: 15pt; font-weight: bold; color: #1f4e79; max-width: 120mm; overflow-wrap: break-word; }
.seller-lines { font-size: 8pt; color: #4a5563; margin-top: 1mm; }
.doc-kind { font-size: 15pt; font-weight: bold; color: #1f4e79; text-align: right; white-space: nowrap; }
.head { width: 100%; border-collapse: collapse; margin-top: 9mm; }
.head > tbody > tr > td { vertical-align: top; padding: 0; }
.recipient { width: 85mm; }
.head .facts-cell { padding-left: 10mm; }
.sender-line { font-size: 6.8pt; color: #5f6b7a; border-bottom: 0.4pt solid #b8c0cc; padding-bottom: 0.6mm;
               margin-bottom: 2mm; overflow-wrap: break-word; }
.recipient .org { font-weight: bold; }
.recipient div { overflow-wrap: break-word; }
.facts { border-collapse: collapse; font-size: 8.6pt; margin-left: auto; }
.facts td { padding: 0.5mm 0 0.5mm 4mm; vertical-align: top; }
.facts td:first-child { color: #4a5563; padding-left: 0; white-space: nowrap; }
.facts td:last-child { text-align: right; }
h1 { font-size: 12.5pt; margin: 11mm 0 2mm 0; }
.intro { margin: 0 0 4mm 0; }
table.lines { width: 100%; border-collapse: collapse; margin-top: 3mm; }
table.lines th { font-size: 8pt; text-align: left; color: #4a5563; font-weight: bold;
                 border-bottom: 0.8pt solid #1b1f24; padding: 1.2mm 1.5mm; }
table.lines td { padding: 2mm 1.5mm; vertical-align: top; border-bottom: 0.4pt solid #d5dae1; }
table.lines .num { text-align: right; white-space: nowrap; }
table.lines .pos { width: 8mm; color: #4a5563; }
table.lines .desc { overflow-wrap: break-word; }
table.lines .period { font-size: 8pt; color: #4a5563; margin-top: 0.6mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.totals { margin-left: auto; margin-top: 3mm; border-collapse: collapse; min-width: 80mm; page-break-inside: avoid; }
.totals td { padding: 1mm 1.5mm; }
.totals td:last-child { text-align: right; white-space: nowrap; }
.totals .grand td { font-weight: bold; font-size: 10.5pt; border-top: 0.8pt solid #1b1f24; padding-top: 1.8mm; }
.note { margin-top: 6mm; padding: 2.5mm 3mm; background: #eef3f8; border-left: 1.5pt solid #1f4e79;
        page-break-inside: avoid; }
.terms { margin-top: 5mm; page-break-inside: avoid; }
.footer { position: running(footer); font-size: 7.2pt; color: #4a5563; width: 150mm;
          border-top: 0.4pt solid #b8c0cc; border-collapse: collapse; }
.footer td { width: 33%; vertical-align: top; padding: 2mm 4mm 0 0; overflow-wrap: break-word; }
"""


# "Page 1 of 2" in the page's margin (CSS counters: the text around them per language).
PAGE_OF = {"de": '"Seite " counter(page) " von " counter(pages)', "en": '"Page " counter(page) " of " counter(pages)'}


def _text(value):
    """A person's text, escaped and isolated from its neighbours' direction."""
    return f"<bdi>{escape(value)}</bdi>" if value else ""


def _rows(pairs):
    return "".join(f"<tr><td>{escape(name)}</td><td>{value}</td></tr>" for name, value in pairs if value)


def invoice_html(invoice, font_faces=""):
    lang = invoice["language"]
    credit = invoice["kind"] == "credit_note"
    seller, buyer = invoice["seller"], invoice["buyer"]
    currency = invoice["total"]["currency"]
    rule = invoice["tax_rule"]
    home = (seller.get("address") or {}).get("country")

    def money(minor):
        return escape(amount_text(minor, currency, lang))

    buyer_country = (buyer.get("address") or {}).get("country")
    # The seller's country is written out only for a buyer in another country.
    seller_address = address_lines(seller.get("address"), lang, buyer_country or home)
    sender = " · ".join([seller["name"], *seller_address])
    periods = [line["period"] for line in invoice["lines"] if line.get("period")]
    service = (period_text({"start": min(p["start"] for p in periods), "end": max(p["end"] for p in periods)}, lang)
               if periods else None)
    facts = _rows([
        (label(lang, "credit_number" if credit else "number"), _text(invoice["number"])),
        (label(lang, "credit_date" if credit else "date"), escape(date_text(invoice["issued_at"], lang))),
        (label(lang, "customer_number"), _text(buyer.get("customer_number"))),
        (label(lang, "service_period"), escape(service) if service else None),
        (label(lang, "buyer_reference"), _text(buyer.get("reference"))),
        (label(lang, "buyer_vat_id"), _text(buyer.get("vat_id"))),
    ])
    recipient = "".join(f"<div>{_text(line)}</div>" for line in address_lines(buyer.get("address"), lang, home))
    contact = buyer.get("contact")
    lines = []
    for position, line in enumerate(invoice["lines"], 1):
        period = (f'<div class="period">{escape(label(lang, "service_period"))}: '
                  f'{escape(period_text(line["period"], lang))}</div>') if line.get("period") else ""
        lines.append(
            f'<tr><td class="pos">{position}</td><td class="desc">{_text(line["description"])}{period}</td>'
            f'<td class="num">{escape(number_text(line["quantity"], lang))}</td>'
            f'<td class="num">{money(abs(line["unit_amount"]["amount"]))}</td>'
            f'<td class="num">{money(line["amount"]["amount"])}</td></tr>')
    totals = [(label(lang, "net"), money(invoice["subtotal"]["amount"]))]
    note = tax_note(rule["rule"], lang)
    if rule.get("category") == "S" or rule["rule"] == "legacy":
        name = (label(lang, "vat", rate=rate_text(rule["rate_basis_points"], lang)) if rule.get("rate_basis_points")
                else label(lang, "tax"))
        if rule.get("rate_basis_points"):
            name += " " + label(lang, "vat_on", amount=amount_text(invoice["subtotal"]["amount"], currency, lang))
        totals.append((name, money(invoice["tax"]["amount"])))
    else:
        totals.append((label(lang, "vat", rate="0"), money(0)))
    totals_html = "".join(f"<tr><td>{escape(name)}</td><td>{value}</td></tr>" for name, value in totals)
    grand = label(lang, "total")
    notes = []
    if note:
        ids = ""
        if rule["rule"] == "reverse_charge":
            ids = (f"<br>{escape(label(lang, 'vat_id'))} {_text(seller.get('vat_id'))} · "
                   f"{escape(label(lang, 'buyer_vat_id'))} {_text(buyer.get('vat_id'))}")
        notes.append(f'<div class="note">{escape(note)}{ids}</div>')
    if not invoice.get("issued_as_e_invoice"):
        notes.append(f'<p class="terms">{escape(label(lang, "legacy"))}</p>')
    intro = ""
    if credit and invoice.get("corrects"):
        corrects = label(lang, "corrects", number=invoice["corrects"]["number"],
                         date=date_text(invoice["corrects"]["issued_at"], lang))
        intro = f'<p class="intro">{escape(corrects)}</p>'
    bank = bank_text(seller, lang)
    terms = f'<div class="terms">{escape(payment_terms(invoice, lang))}'
    if bank and not credit:
        terms += f"<br>{escape(label(lang, 'bank'))}: {escape(bank)}"
    terms += "</div>"
    tax_ids = [(label(lang, "vat_id"), seller.get("vat_id")), (label(lang, "tax_number"), seller.get("tax_number"))]
    contacts = [(label(lang, "phone"), seller.get("phone")), (label(lang, "email"), seller.get("email"))]
    footer = (
        '<table class="footer"><tr>'
        f'<td><b>{_text(seller["name"])}</b>{"".join(f"<br>{_text(line)}" for line in seller_address)}</td>'
        f'<td>{"<br>".join(f"{escape(k)} {_text(v)}" for k, v in tax_ids if v)}</td>'
        f'<td>{"<br>".join(f"{escape(k)} {_text(v)}" for k, v in contacts if v)}'
        f'{"<br>" + escape(bank) if bank else ""}</td>'
        '</tr></table>')
    title = label(lang, "credit_note" if credit else "invoice")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)} {escape(invoice["number"])}</title>
<style>{font_faces}{CSS.replace("FAMILIES", FAMILIES).replace("PAGE_OF", PAGE_OF[lang])}</style></head>
<body>
{footer}
<table class="letterhead"><tr><td><div class="seller-name">{_text(seller["name"])}</div>
<div class="seller-lines">{_text(" · ".join(seller_address))}</div></td>
<td class="doc-kind">{escape(title)}</td></tr></table>
<table class="head"><tr><td class="recipient"><div class="sender-line">{_text(sender)}</div>
<div class="org">{_text(buyer.get("name"))}</div>{f"<div>{_text(contact)}</div>" if contact else ""}{recipient}</td>
<td class="facts-cell"><table class="facts">{facts}</table></td></tr></table>
<h1>{escape(title)} {_text(invoice["number"])}</h1>
{intro}
<table class="lines"><thead><tr><th class="pos">{escape(label(lang, "position"))}</th>
<th>{escape(label(lang, "description"))}</th><th class="num">{escape(label(lang, "quantity"))}</th>
<th class="num">{escape(label(lang, "unit_price"))}</th><th class="num">{escape(label(lang, "amount"))}</th></tr></thead>
<tbody>{"".join(lines)}</tbody></table>
<table class="totals">{totals_html}<tr class="grand"><td>{escape(grand)}</td><td>{money(invoice["total"]["amount"])}</td></tr></table>
{"".join(notes)}
{terms}
</body></html>"""
