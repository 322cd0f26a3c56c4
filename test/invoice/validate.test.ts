import { validateEn16931 } from '../../invoice/validate';
import { parseXml } from '../../invoice/xml';
import { compileXPath, xpathDocument } from '../../invoice/validate/xpath/compile';
import { ebv, XPathError } from '../../invoice/validate/xpath/values';

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const ns = { cac: CAC, cbc: CBC, ubl: UBL, xs: 'http://www.w3.org/2001/XMLSchema' };

function invoice(body: string): string {
  return `<Invoice xmlns="${UBL}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}">${body}</Invoice>`;
}

/** Evaluates an XPath as the official Schematron would, on the root element of a small document. */
function holds(xpath: string, body: string): boolean {
  const root = parseXml(invoice(body));
  const document = xpathDocument(root);
  return ebv(compileXPath(xpath, ns)({ item: root, pos: 1, size: 1, vars: {}, document }));
}

describe('validateEn16931', () => {
  it('reports a missing element with the official id, message and flag instead of failing', () => {
    const findings = validateEn16931(invoice('<cbc:ID>F1</cbc:ID>'));
    const br01 = findings.find((f) => f.rule === 'BR-01');
    expect(br01).toEqual({
      rule: 'BR-01',
      severity: 'fatal',
      message: '[BR-01]-An Invoice shall have a Specification identifier (BT-24).',
      location: '/Invoice',
    });
    expect(findings.some((f) => f.rule === 'BR-02')).toBe(false);
  });

  it('locates a finding on the element the rule was checked on', () => {
    const findings = validateEn16931(
      invoice('<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine><cac:InvoiceLine/>'),
    );
    expect(findings.filter((f) => f.rule === 'BR-21').map((f) => f.location)).toEqual([
      '/Invoice/cac:InvoiceLine[2]',
    ]);
  });

  it('keeps the official warning flag', () => {
    const version = (v: string) =>
      validateEn16931(invoice(`<cbc:UBLVersionID>${v}</cbc:UBLVersionID>`)).find(
        (f) => f.rule === 'UBL-CR-002',
      );
    expect(version('2.1')).toBeUndefined();
    expect(version('2.2')?.severity).toBe('warning');
  });

  it('checks CII with the CII binding', () => {
    const cii =
      '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>';
    const rules = validateEn16931(cii).map((f) => f.rule);
    expect(rules).toContain('BR-01');
    expect(rules.every((r) => !r.startsWith('UBL-'))).toBe(true);
  });

  it('gives the same findings whatever was validated before (compiled rules keep caches across documents)', () => {
    const lines = invoice(
      '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>' +
        '<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount>1</cbc:Amount></cac:AllowanceCharge>',
    );
    const first = validateEn16931(lines);
    validateEn16931(invoice('<cbc:ID>F1</cbc:ID><cac:InvoiceLine/>'));
    validateEn16931(
      '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>',
    );
    expect(validateEn16931(lines)).toEqual(first);
    // Each is checked by its own rules: the allowance lacks its amount, the charge its VAT category.
    expect(first.map((f) => f.rule)).toEqual(expect.arrayContaining(['BR-31', 'BR-37']));
  });

  it('refuses a document that is neither UBL nor CII', () => {
    expect(() => validateEn16931('<Order/>')).toThrow(/not an EN 16931/);
  });
});

describe('XPath semantics of the official rules', () => {
  it('rounds sums the way the official BR-CO-10 does (decimal, half up at two places)', () => {
    const lines = '<cbc:A>0.005</cbc:A><cbc:A>0.001</cbc:A>';
    expect(holds('xs:decimal(0.01) = round(sum(cbc:A/xs:decimal(.)) * 10 * 10) div 100', lines)).toBe(true);
    expect(holds('xs:decimal(0.006) = round(sum(cbc:A/xs:decimal(.)) * 10 * 10) div 100', lines)).toBe(false);
  });

  it('compares element content with numbers as xs:double and with strings as text', () => {
    expect(holds('cbc:A >= 0', '<cbc:A>-1</cbc:A>')).toBe(false);
    expect(holds('cbc:A = 1', '<cbc:A> 1.0 </cbc:A>')).toBe(true);
    expect(holds("cbc:A = '1'", '<cbc:A>1.0</cbc:A>')).toBe(false);
    expect(holds('cbc:A = 5', '<cbc:A>1</cbc:A><cbc:A>5</cbc:A>')).toBe(true);
  });

  it('treats "-0.00" as below zero like Saxon, but "-0" as zero', () => {
    expect(holds('cbc:A = 0', '<cbc:A>-0.00</cbc:A>')).toBe(false);
    expect(holds('cbc:A = 0', '<cbc:A>-0</cbc:A>')).toBe(true);
  });

  it('counts decimals on the text as written (BR-DEC)', () => {
    expect(holds("string-length(substring-after(cbc:A, '.')) <= 2", '<cbc:A>1.230</cbc:A>')).toBe(false);
    expect(holds("string-length(substring-after(cbc:A, '.')) <= 2", '<cbc:A>1.23</cbc:A>')).toBe(true);
  });

  it('normalizes only XML whitespace', () => {
    expect(holds("normalize-space(cbc:A) != ''", '<cbc:A>\u00a0</cbc:A>')).toBe(true);
    expect(holds("normalize-space(cbc:A) != ''", '<cbc:A> \n\t</cbc:A>')).toBe(false);
  });

  it('supports quantifiers, parents, attributes and the preceding axis', () => {
    const body = '<cbc:C currencyID="EUR">1</cbc:C><cac:T><cbc:C currencyID="EUR">2</cbc:C></cac:T>';
    expect(holds("every $c in //cbc:C satisfies $c/@currencyID = 'EUR'", body)).toBe(true);
    expect(holds('count(//cbc:C[not(preceding::cbc:C/. = .)]) = 2', body)).toBe(true);
    expect(holds("cac:T/cbc:C/../../cbc:C/@currencyID = 'EUR'", body)).toBe(true);
  });

  it('raises a dynamic error on an invalid decimal, which a rule reports as violated', () => {
    expect(() => holds('xs:decimal(cbc:A) > 0', '<cbc:A>abc</cbc:A>')).toThrow(XPathError);
    const findings = validateEn16931(
      invoice(
        '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount>abc</cbc:LineExtensionAmount></cac:LegalMonetaryTotal>',
      ),
    );
    expect(findings.map((f) => f.rule)).toContain('BR-CO-10');
  });
});
