import fs from 'node:fs';
import { describeWithCorpus, corpusPath } from '../support/corpus';
import { json, startTestPlatform, type TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { DocumentPool } from '../../platform/document-pool';
import { BASE_EXAMPLE, registerRecipient, registerSupplier, tarGz } from '../deposits/support/flows';
import { waitForInvoice } from '../deposits/support/wait';
import { withLines } from './hostile';

/**
 * A hostile flow (invoices within every XML limit, yet each far longer to judge than a document may
 * take) deposited while suppliers keep depositing single invoices: the flow runs on its own queue, with
 * its own activity slots and document thread, so the single deposits are delivered while the flow is
 * still at work, and its heavy invoices are refused (DOCUMENT_TOO_COMPLEX) instead of holding up anyone.
 */
describeWithCorpus('a hostile flow beside ordinary deposits', () => {
  const HEAVY = 4;
  const ORDINARY = 3;
  let p: TestPlatform;
  let token: string;
  // The flow's budget is far below what a heavy invoice needs (seconds on any machine) and far above
  // what an ordinary one needs (milliseconds): each heavy invoice holds the flow's thread that long.
  const flowDocuments = new DocumentPool({ size: 2, timeoutMs: 1500, checkTimeoutMs: 1500 });
  const documents = new DocumentPool({ size: 1 });

  const base = () => fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
  const numbered = (xml: string, number: string) =>
    xml.replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`);

  beforeAll(async () => {
    await Promise.all([flowDocuments.start(), documents.start()]);
    p = await startTestPlatform({
      maxUploadBytes: 20 * 1024 * 1024,
      documents,
      flows: { maxConcurrentActivities: 2, documents: flowDocuments },
    });
    token = await seedUser(p.db, 'edi-sender');
    await registerSupplier(p.db, 'edi-sender');
    await registerRecipient(p.db);
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
    await Promise.all([flowDocuments.close(), documents.close()]);
  });

  /** The flow's state; a poll dropped by a loaded server (ECONNRESET) is tried again. */
  const flowState = async (numero: string): Promise<string> => {
    for (;;) {
      try {
        const res = await fetch(`${p.url}/api/v1/flows/${numero}`, {
          headers: { authorization: `Bearer ${token}` },
          keepalive: false,
        });
        return (await json(res)).etatCourantFlux as string;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };

  it('delivers single deposits while the flow is still running, and refuses its heavy invoices', async () => {
    const heavy = withLines(base(), 4000);
    const files = Array.from({ length: HEAVY }, (_, i) => ({
      name: `lourdes/HEAVY-${i + 1}.xml`,
      xml: numbered(heavy, `HEAVY-${i + 1}`),
    }));
    const res = await fetch(
      `${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE&nomFichier=lourd.tar.gz`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
        body: await tarGz(files),
      },
    );
    expect(res.status).toBe(202);
    const { numeroFluxDepot } = await json(res);
    // Unpacked: its heavy invoices are now being filed and judged.
    while ((await flowState(numeroFluxDepot)) === 'IN_RECU') await new Promise((r) => setTimeout(r, 200));

    // The event loop of the process (API and worker alike) keeps turning while the flow is judged.
    let ticks = 0;
    const beat = setInterval(() => (ticks += 1), 10);
    const events: string[] = [];
    let gaveUp = false;
    const flowDone = (async () => {
      while (!gaveUp) {
        const state = await flowState(numeroFluxDepot);
        if (['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'].includes(state)) {
          events.push(`flow ${state}`);
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const ordinary = Array.from({ length: ORDINARY }, async (_, i) => {
      const deposit = await fetch(`${p.url}/api/v1/invoices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: numbered(base(), `ORDINARY-${i + 1}`),
      });
      expect(deposit.status).toBe(202);
      const id = (await json(deposit)).id as string;
      const invoice = await waitForInvoice(p.url, token, id, ['MISE_A_DISPOSITION'], 600_000);
      events.push('ordinary delivered');
      return { invoice, flow: await flowState(numeroFluxDepot), ticks };
    });
    const delivered = await Promise.all(ordinary)
      .catch((err: Error) => {
        gaveUp = true;
        throw err;
      })
      .finally(() => flowDone.finally(() => clearInterval(beat)));

    // Every ordinary invoice was delivered before the flow settled, the flow still at work meanwhile.
    expect(events).toEqual([...Array<string>(ORDINARY).fill('ordinary delivered'), 'flow IN_REJETE']);
    for (const d of delivered) {
      expect(d.invoice.status).toBe('MISE_A_DISPOSITION');
      expect(d.flow).toBe('IN_EN_COURS_TRAITEMENT');
    }
    expect(Math.min(...delivered.map((d) => d.ticks))).toBeGreaterThan(0);
    // Each heavy invoice refused with the code that says why, none left DEPOSEE.
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(report.listeErreurDP).toHaveLength(HEAVY);
    // Refused when filed (the code), or rejected by its check (the finding, in French: too many resources).
    for (const error of report.listeErreurDP)
      expect(error.libelleErreurDP).toMatch(
        /^DOCUMENT_TOO_COMPLEX|^FF-FORMAT-01 : Le document demande plus de ressources/,
      );
    const [{ n: stillDeposited }] = await p.db('invoices').where({ status: 'DEPOSEE' }).count({ n: '*' });
    expect(Number(stillDeposited)).toBe(0);
  }, 900_000);
});
