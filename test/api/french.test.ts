import fs from 'node:fs';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';

const examples = 'ConnectingEurope/eInvoicing-EN16931';
const read = (p: string) => fs.readFileSync(corpusPath(examples, p), 'utf8');

const BR_CO_15_EN =
  '[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).';
const BR_CO_15_FR = 'Le montant total TTC (BT-112) doit être égal au total HT (BT-109) plus la TVA (BT-110).';

describeWithCorpus('API v1 in French by default, official English on request', () => {
  let p: TestPlatform;
  let token: string;
  let structureId: string;
  const get = (path: string, language?: string) =>
    fetch(`${p.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
    });

  beforeAll(async () => {
    p = await startTestPlatform();
    token = await seedUser(p.db, 'depositor');
    structureId = await registerStructure(p.db, {
      identifier: '1234567890',
      members: [{ userId: 'depositor' }],
    });
    await registerStructure(p.db, { identifier: '1234512345', services: [{ code: 'Buyer reference' }] });
  }, 120_000);
  afterAll(() => p?.stop());

  it('gives the reasons of a REJETEE invoice in French, with the official rule id, and in English on request', async () => {
    // The official example with its total with VAT (BT-112) one crown off: BR-CO-15 refuses it.
    const wrongTotal = read('ubl/examples/issue116.xml').replace(
      '<cbc:TaxInclusiveAmount currencyID="SEK">830<',
      '<cbc:TaxInclusiveAmount currencyID="SEK">831<',
    );
    const res = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
      body: wrongTotal,
    });
    expect(res.status).toBe(202);
    const { id } = await json(res);
    await waitForStatus(p.url, id, ['REJETEE', 'MISE_A_DISPOSITION'], 30_000, token);
    const path = `/invoices/${encodeURIComponent(id)}`;
    const reasonsIn = async (language?: string) => {
      const invoice = await json(await get(path, language));
      expect(invoice.status).toBe('REJETEE');
      const rejected = invoice.history.find((h: { status: string }) => h.status === 'REJETEE');
      return rejected.reasons as { rule: string; message: string; severity: string }[];
    };

    const french = await reasonsIn();
    expect(french).toContainEqual(
      expect.objectContaining({ rule: 'BR-CO-15', severity: 'fatal', message: BR_CO_15_FR }),
    );
    expect(await reasonsIn('fr-FR,fr;q=0.9')).toEqual(french);
    const english = await reasonsIn('en-GB,en;q=0.9');
    expect(english).toContainEqual(
      expect.objectContaining({ rule: 'BR-CO-15', severity: 'fatal', message: BR_CO_15_EN }),
    );
    // Same findings, same ids, in the same order: only the words change.
    expect(english.map((r) => r.rule)).toEqual(french.map((r) => r.rule));
  }, 60_000);

  it('gives the findings of a draft ("Valider") in French, and in English on request', async () => {
    const created = await fetch(`${p.url}/api/v1/structures/${structureId}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(created.status).toBe(201);
    const draft = await json(created);
    const validate = async (language?: string) =>
      json(
        await fetch(`${p.url}/api/v1/drafts/${draft.id}/validate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
        }),
      );
    const french = await validate();
    const english = await validate('en');
    expect(french.valid).toBe(false);
    expect(english.findings.map((f: { rule: string }) => f.rule)).toEqual(
      french.findings.map((f: { rule: string }) => f.rule),
    );
    // An empty draft has no invoice number: BR-02 names BT-1 in both languages.
    const br02 = (r: { findings: { rule: string; message: string }[] }) =>
      r.findings.find((f) => f.rule === 'BR-02')!.message;
    expect(br02(english)).toMatch(/^\[BR-02\]-An Invoice shall have an Invoice number \(BT-1\)/);
    expect(br02(french)).toMatch(/numéro de facture \(BT-1\)/);
  }, 60_000);
});
