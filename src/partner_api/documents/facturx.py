"""PDF/A-3b with the Factur-X / ZUGFeRD 2.x parts, added to the PDF WeasyPrint writes (its
`finisher` hook, before the file is written): the invoice's CII XML embedded as factur-x.xml
(an EmbeddedFile of type text/xml with its modification date, named in the catalog's
EmbeddedFiles and in /AF, the associated files PDF/A-3 asks for, with AFRelationship
Alternative: in Germany the XML is the invoice as much as the PDF, which is what ZUGFeRD 2.x asks
for the EN 16931 profile), and one XMP metadata packet that states PDF/A-3 level B, the Factur-X
fields (fx:DocumentType, DocumentFileName, Version, ConformanceLevel) with the PDF/A extension
schema that declares them, and the same title, author, dates and producer as the document's
Info dictionary (PDF/A requires both to agree). The dates are the invoice's, so the same
invoice always gives the same bytes."""
import hashlib
import zlib
from xml.sax.saxutils import escape

from .text_layer import repair

FILENAME = "factur-x.xml"
FX_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
FX_VERSION = "1.0"
CONFORMANCE = "EN 16931"
PRODUCER = "Reseller Console partner API"

FX_PROPERTIES = (
    ("DocumentFileName", "The name of the embedded XML document"),
    ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
    ("Version", "The actual version of the standard applying to the embedded XML document"),
    ("ConformanceLevel", "The conformance level of the embedded XML document"),
)


def pdf_date(issued_at):
    """2026-12-07T09:00:00Z -> D:20261207090000+00'00'"""
    digits = issued_at[:19].replace("-", "").replace("T", "").replace(":", "")
    return f"D:{digits}+00'00'"


def xmp_date(issued_at):
    return issued_at[:19] + "+00:00"


def xmp_packet(title, author, issued_at, creator, with_facturx):
    """The document's XMP metadata (uncompressed, as PDF/A reads it)."""
    fx = ""
    if with_facturx:
        properties = "".join(
            f"<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name>"
            "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external"
            f"</pdfaProperty:category><pdfaProperty:description>{text}</pdfaProperty:description></rdf:li>"
            for name, text in FX_PROPERTIES)
        fx = (
            f'<rdf:Description rdf:about="" xmlns:fx="{FX_NAMESPACE}">'
            f"<fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>{FILENAME}</fx:DocumentFileName>"
            f"<fx:Version>{FX_VERSION}</fx:Version><fx:ConformanceLevel>{CONFORMANCE}</fx:ConformanceLevel>"
            "</rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
            ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
            ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
            "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
            "<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>"
            f"<pdfaSchema:namespaceURI>{FX_NAMESPACE}</pdfaSchema:namespaceURI>"
            "<pdfaSchema:prefix>fx</pdfaSchema:prefix>"
            f"<pdfaSchema:property><rdf:Seq>{properties}</rdf:Seq></pdfaSchema:property>"
            "</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>")
    date = xmp_date(issued_at)
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Producer>{PRODUCER}</pdf:Producer></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool><xmp:CreateDate>{date}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate></rdf:Description>"
        f"{fx}</rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>')
    return body.encode("utf-8")


def finisher(pydyf, title, author, issued_at, xml=None):
    """The finisher WeasyPrint runs on its pydyf.PDF: the Info dictionary, the XMP packet and,
    given `xml`, the embedded factur-x.xml."""
    def finish(document, pdf):
        repair(document, pdf)  # right-to-left names read back as they are written
        creator = "Reseller Console"
        pdf.info["Title"] = pydyf.String(title)
        pdf.info["Author"] = pydyf.String(author)
        pdf.info["Creator"] = pydyf.String(creator)
        pdf.info["Producer"] = pydyf.String(PRODUCER)
        pdf.info["CreationDate"] = pydyf.String(pdf_date(issued_at))
        pdf.info["ModDate"] = pydyf.String(pdf_date(issued_at))
        packet = xmp_packet(title, author, issued_at, creator, xml is not None)
        replaced = False
        for item in pdf.objects:  # WeasyPrint's own packet (PDF/A id only) becomes ours
            if isinstance(item, pydyf.Stream) and item.extra.get("Type") == "/Metadata":
                item.stream = [packet]
                replaced = True
        if not replaced:
            stream = pydyf.Stream([packet], pydyf.Dictionary({"Type": "/Metadata", "Subtype": "/XML"}))
            pdf.add_object(stream)
            pdf.catalog["Metadata"] = stream.reference
        if xml is not None:
            _attach(pydyf, pdf, xml, pdf_date(issued_at))
    return finish


def _attach(pydyf, pdf, xml, mod_date):
    data = pydyf.Stream([zlib.compress(xml, 9)], pydyf.Dictionary({
        "Type": "/EmbeddedFile", "Subtype": "/text#2Fxml", "Filter": "/FlateDecode",
        "Params": pydyf.Dictionary({"Size": len(xml), "ModDate": pydyf.String(mod_date),
                                    "CheckSum": f"<{hashlib.md5(xml).hexdigest()}>"}),
    }))
    pdf.add_object(data)
    spec = pydyf.Dictionary({
        "Type": "/Filespec", "F": pydyf.String(FILENAME), "UF": pydyf.String(FILENAME),
        "EF": pydyf.Dictionary({"F": data.reference, "UF": data.reference}),
        "Desc": pydyf.String("Factur-X / ZUGFeRD invoice (UN/CEFACT CII, EN 16931)"),
        "AFRelationship": "/Alternative",
    })
    pdf.add_object(spec)
    names = pydyf.Dictionary({"Names": pydyf.Array([pydyf.String(FILENAME), spec.reference])})
    pdf.add_object(names)
    if "Names" not in pdf.catalog:
        pdf.catalog["Names"] = pydyf.Dictionary()
    pdf.catalog["Names"]["EmbeddedFiles"] = names.reference
    pdf.catalog["AF"] = pydyf.Array([spec.reference])
