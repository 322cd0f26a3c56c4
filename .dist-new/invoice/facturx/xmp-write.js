"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.facturXXmp = facturXXmp;
function esc(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** ISO 8601 in UTC, seconds precision: the same instant pdf-lib writes as D:YYYYMMDDHHmmSSZ in Info. */
function xmpDate(d) {
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const FX_NS = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';
function fxProperty(name, description) {
    return `
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>${name}</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>${description}</pdfaProperty:description>
            </rdf:li>`;
}
/** The PDF/A extension schema declaring the fx: properties: the same text in every packet, built once. */
const EXTENSION_SCHEMA = `    <rdf:Description rdf:about=""
        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>${FX_NS}</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>${fxProperty('DocumentFileName', 'name of the embedded XML invoice file')}${fxProperty('DocumentType', 'INVOICE')}${fxProperty('Version', 'The actual version of the Factur-X XML schema')}${fxProperty('ConformanceLevel', 'The conformance level of the embedded Factur-X data')}
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
`;
/**
 * The XMP packet of a Factur-X PDF/A-3b: PDF/A identification, Dublin Core / XMP / PDF properties
 * mirroring the Info dictionary, the fx: properties, and the PDF/A extension schema that declares
 * them (PDF/A requires every non-predefined property to be described), as in the Factur-X 1.0 spec.
 */
function facturXXmp(x) {
    const date = xmpDate(x.date);
    return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(x.title)}</rdf:li></rdf:Alt></dc:title>${x.author
        ? `\n      <dc:creator><rdf:Seq><rdf:li>${esc(x.author)}</rdf:li></rdf:Seq></dc:creator>`
        : ''}${x.subject
        ? `\n      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(x.subject)}</rdf:li></rdf:Alt></dc:description>`
        : ''}
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreatorTool>${esc(x.creatorTool)}</xmp:CreatorTool>
      <xmp:CreateDate>${date}</xmp:CreateDate>
      <xmp:ModifyDate>${date}</xmp:ModifyDate>
      <xmp:MetadataDate>${date}</xmp:MetadataDate>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${esc(x.producer)}</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="${FX_NS}">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>${esc(x.documentFileName)}</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>${esc(x.conformanceLevel)}</fx:ConformanceLevel>
    </rdf:Description>
${EXTENSION_SCHEMA}  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
//# sourceMappingURL=xmp-write.js.map