import fs from 'node:fs';
import type { ParsedMail } from 'mailparser';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { waitForFlow } from '../deposits/support/wait';
import { BASE_EXAMPLE, RECIPIENT, SUPPLIER, tarGz } from '../deposits/support/flows';

const DEPOSITOR = 'rejection-depositor';
const MUTED = 'rejection-muted';
const mail = (user: string) => `${user}@example.org`;
const SERVICE_MISSING = 'Le code service (BT-10) est obligatoire pour ce destinataire. (FF-SERVICE-01)';

/**
 * The platform's checks reject a deposit whatever its channel (the API, an EDI flow): the supplier's
 * members hear of it by default over real SMTP, with the reasons in French and a link to the invoice's
 * page; a member who turned rejections off hears nothing. The buyer requires a code service the
 * deposited invoice does not carry, as an ERP's invoice without one.
 */
describeWithCorpus('email of a rejection by the platform’s checks', () => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  const example = () => fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
  const numbered = (number: string) =>
    example().replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
    for (const user of [DEPOSITOR, MUTED]) tokens[user] = await seedUser(p.db, user);
    const supplierId = await registerStructure(p.db, {
      identifier: SUPPLIER,
      name: 'Atelier Dupont',
      members: [{ userId: DEPOSITOR }, { userId: MUTED, role: 'UTILISATEUR' }],
    });
    await registerStructure(p.db, {
      identifier: RECIPIENT,
      serviceCodeRequired: true,
      services: [{ code: 'SERV-ACHATS' }],
    });
    const muted = await fetch(`${p.url}/api/v1/structures/${supplierId}/notification-preferences`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens[MUTED]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: { REJET: false } }),
    });
    expect(muted.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await smtp?.stop();
  });

  const depositXml = async (xml: string): Promise<string> => {
    const res = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${tokens[DEPOSITOR]}` },
      body: xml,
    });
    expect(res.status).toBe(202);
    return (await json(res)).id;
  };
  /** Once the run has ended, every email it sends has been sent. */
  const settled = (invoiceId: string) => p.env.client.workflow.getHandle(invoiceId).result();
  const toDepositor = (number: string): ParsedMail[] =>
    smtp.received(mail(DEPOSITOR)).filter((m) => m.subject?.includes(number));
  const pageLink = (id: string) =>
    `http://portal.test/factures/${id.split('/').map(encodeURIComponent).join('/')}`;

  it('tells the supplier of an API deposit the platform rejected: French subject, reasons, link, once', async () => {
    const id = await depositXml(numbered('REJ-API-1'));
    const invoice = await waitForStatus(
      p.url,
      id,
      ['REJETEE', 'MISE_A_DISPOSITION'],
      60_000,
      tokens[DEPOSITOR],
    );
    expect(invoice.status).toBe('REJETEE');
    await settled(id);

    const sent = toDepositor('REJ-API-1');
    expect(sent.map((m) => m.subject)).toEqual(['Votre facture REJ-API-1 est rejetée']);
    const { text } = sent[0];
    expect(text).toContain('les contrôles de la plateforme l’ont refusée à son dépôt');
    expect(text).toContain(`Motif du rejet :\n- ${SERVICE_MISSING}`);
    expect(text).toContain(`Voir la facture : ${pageLink(id)}`);
    expect(text).not.toMatch(/This recipient requires/);
    expect(smtp.received(mail(MUTED))).toEqual([]);
  });

  it('tells the supplier again when a corrected file under the same number is rejected too', async () => {
    const first = await depositXml(numbered('REJ-API-2'));
    await waitForStatus(p.url, first, ['REJETEE'], 60_000, tokens[DEPOSITOR]);
    await settled(first);
    const again = await depositXml(numbered('REJ-API-2').replace('<cbc:Note>', '<cbc:Note>Corrigée. '));
    expect(again).toBe(first);
    // The new deposit starts a new run under the same id before it is answered: this waits for it.
    await settled(again);
    expect(toDepositor('REJ-API-2').map((m) => m.subject)).toEqual([
      'Votre facture REJ-API-2 est rejetée',
      'Votre facture REJ-API-2 est rejetée',
    ]);
    expect(smtp.received(mail(MUTED))).toEqual([]);
  });

  it('tells the supplier of a flow’s invoice the platform rejected', async () => {
    const archive = await tarGz([{ name: 'factures/REJ-FLX-1.xml', xml: numbered('REJ-FLX-1') }]);
    const res = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE&nomFichier=lot.tar.gz`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[DEPOSITOR]}`, 'content-type': 'application/gzip' },
      body: archive,
    });
    expect(res.status).toBe(202);
    await waitForFlow(p.url, tokens[DEPOSITOR], (await json(res)).numeroFluxDepot, 120_000);
    const { id } = await p.db('invoices').where({ number: 'REJ-FLX-1' }).first('id');
    await waitForStatus(p.url, id, ['REJETEE', 'MISE_A_DISPOSITION'], 60_000, tokens[DEPOSITOR]);
    await settled(id);

    const sent = toDepositor('REJ-FLX-1');
    expect(sent.map((m) => m.subject)).toEqual(['Votre facture REJ-FLX-1 est rejetée']);
    expect(sent[0].text).toContain(SERVICE_MISSING);
    expect(sent[0].text).toContain(`Voir la facture : ${pageLink(id)}`);
    expect(smtp.received(mail(MUTED))).toEqual([]);
  });
});
