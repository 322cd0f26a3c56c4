import fs from 'node:fs';
import {
  decodeXmlBytes,
  parseWithSaxes,
  parseXml,
  XmlBudget,
  XmlError,
  type XmlElement,
} from '../../invoice/xml';
import { parseCommonXml } from '../../invoice/xml-fast';
import { corpusFiles, describeWithCorpus } from '../support/corpus';

/** The tree as plain data (no parent links), so two parses compare with toEqual. */
function plain(el: XmlElement): unknown {
  return {
    ns: el.ns,
    name: el.name,
    qname: el.qname,
    attrs: el.attrs,
    text: el.text,
    line: el.line,
    children: el.children.map(plain),
  };
}

function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof XmlError ? `${err.code}@${err.line}` : String(err);
  }
}

describe('parseXml fast path', () => {
  const NS = 'xmlns="urn:x" xmlns:p="urn:p"';
  const sameAsSaxes = [
    `<a ${NS}><p:b p:k="1" k="2">t</p:b></a>`,
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<a ${NS}>\r\n  <b\r\n   x="1\r\n2\t3">x\ry</b>\r\n</a>\r\n`,
    `<a>&lt;&gt;&amp;&quot;&apos;&#13;&#x9;&#233;&#x1F600; x</a>`,
    `<a b="&lt;&#10;&#9;" c='"'/>`,
    `<a><!-- a comment -->x<![CDATA[<a> & b]]>y<c/></a>`,
    `<a xmlns="urn:x"><b xmlns=""><c/></b></a>`,
    `<a xml:lang="fr"/>`,
    '<!-- before --> <a/> <!-- after -->\n',
    '<\u00e9l\u00e9ment/>',
  ];

  it.each(sameAsSaxes.map((x) => [x]))('builds the same tree as saxes for %j', (xml) => {
    expect(plain(parseXml(xml))).toEqual(plain(parseWithSaxes(xml)));
  });

  const malformed = [
    '<a>]]></a>',
    '<a>\u0001</a>',
    '<a x="1" x="2"/>',
    '<p:a/>',
    '<a xmlns:p=""><p:b/></a>',
    '<a><b></a></b>',
    '<a>&nbsp;</a>',
    '<a>&#0;</a>',
    '<a/><b/>',
    'text<a/>',
    '<a><!-- x -- y --></a>',
    '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    '<a p:x="1" xmlns:p="urn:p" xmlns:q="urn:p" q:x="2"/>',
    '<a',
    '',
  ];

  it.each(malformed.map((x) => [x]))('leaves %j to saxes and its error', (xml) => {
    expect(parseCommonXml(xml, new XmlBudget({ maxBytes: 1e6, maxDepth: 256 }))).toBeUndefined();
    expect(errorOf(() => parseXml(xml))).toEqual(errorOf(() => parseWithSaxes(xml)));
    expect(errorOf(() => parseXml(xml))).toBeDefined();
  });

  it('stops at the depth limit as saxes does', () => {
    const deep = '<a>'.repeat(5) + '</a>'.repeat(5);
    const limits = { maxBytes: 1e6, maxDepth: 4 };
    expect(errorOf(() => parseCommonXml(deep, new XmlBudget(limits)))).toBe('XML_TOO_DEEP@1');
    expect(errorOf(() => parseWithSaxes(deep, limits))).toBe('XML_TOO_DEEP@1');
    expect(errorOf(() => parseXml(deep, limits))).toBe('XML_TOO_DEEP@1');
  });
});

describeWithCorpus('parseXml fast path on the corpus', () => {
  const files = corpusFiles('.', /\.xml$/i);

  it('builds the same tree as saxes for every XML file of the corpus', () => {
    const differing: string[] = [];
    for (const file of files) {
      const text = decodeXmlBytes(fs.readFileSync(file));
      const reference = errorOf(() => parseWithSaxes(text)) ?? plain(parseWithSaxes(text));
      const ours = errorOf(() => parseXml(text)) ?? plain(parseXml(text));
      if (JSON.stringify(ours) !== JSON.stringify(reference)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it('takes the fast path for the official examples', () => {
    const examples = files.filter((f) => /eInvoicing-EN16931\/(ubl|cii)\/examples\//.test(f));
    expect(examples.length).toBeGreaterThanOrEqual(34);
    const slow = examples.filter(
      (f) =>
        !parseCommonXml(decodeXmlBytes(fs.readFileSync(f)), new XmlBudget({ maxBytes: 5e7, maxDepth: 256 })),
    );
    expect(slow).toEqual([]);
  });
});
