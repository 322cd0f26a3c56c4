import { describeWithCorpus } from '../support/corpus';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { countRows } from '../support/stores';
import { generateFlow, registerRecipient, registerSupplier, SUPPLIER, tarGz, YEAR } from './support/flows';
import { waitForFlow, waitForInvoice } from './support/wait';

/**
 * Issue 13's rule inside flows, as for a direct deposit: a number the platform's checks rejected before
 * delivery is not used up, so its corrected file in a later flow reaches the buyer; a number that was
 * delivered stays used up, and another file under it is a duplicate.
 */
describeWithCorpus('flows: a number rejected before delivery is deposited again once corrected', () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await startTestPlatform();
    token = await seedUser(p.db, 'edi-sender');
    await registerSupplier(p.db, 'edi-sender');
    await registerRecipient(p.db);
  }, 120_000);
  afterAll(() => p?.stop());

  const send = async (files: { name: string; xml: string }[]) => {
    const res = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body: await tarGz(files),
    });
    expect(res.status).toBe(202);
    const { numeroFluxDepot } = await json(res);
    const settled = await waitForFlow(p.url, token, numeroFluxDepot, 90_000);
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    return { settled, errors: report.listeErreurDP as { numeroDP: string; libelleErreurDP: string }[] };
  };

  it('delivers the corrected invoice of a second flow and keeps a delivered number used up', async () => {
    // RUF-0001 is delivered; RUF-0002's amount due does not add up (BR-CO-16): REJETEE.
    const [delivered, corrected] = generateFlow('RUF', 2, 1000).files;
    const wrong = {
      ...corrected,
      xml: corrected.xml.replace('801.78</cbc:PayableAmount>', '802.78</cbc:PayableAmount>'),
    };
    expect(wrong.xml).not.toBe(corrected.xml);
    const one = await send([delivered, wrong]);
    expect(one.settled).toMatchObject({ etatCourantFlux: 'IN_INTEGRE_PARTIEL', nombreFacturesIntegrees: 1 });
    expect(one.errors).toEqual([
      expect.objectContaining({ numeroDP: 'RUF-0002', libelleErreurDP: expect.stringContaining('BR-CO-16') }),
    ]);
    const deliveredId = `invoice/${SUPPLIER}/${YEAR}/RUF-0001`;
    const correctedId = `invoice/${SUPPLIER}/${YEAR}/RUF-0002`;
    await waitForInvoice(p.url, token, deliveredId, ['MISE_A_DISPOSITION'], 30_000);

    const changed = { ...delivered, xml: delivered.xml.replace('<cbc:Note>', '<cbc:Note>Modifiée. ') };
    const two = await send([changed, corrected]);
    expect(two.settled).toMatchObject({ etatCourantFlux: 'IN_INTEGRE_PARTIEL', nombreFacturesIntegrees: 1 });
    expect(two.errors).toEqual([
      expect.objectContaining({
        numeroDP: 'RUF-0001',
        libelleErreurDP: expect.stringMatching(/^DUPLICATE_INVOICE/),
      }),
    ]);
    const invoice = await waitForInvoice(p.url, token, correctedId, ['MISE_A_DISPOSITION'], 30_000);
    expect(invoice.history.map((h: { status: string }) => h.status)).toEqual([
      'DEPOSEE',
      'EN_COURS_ACHEMINEMENT',
      'MISE_A_DISPOSITION',
    ]);
    // One row per number: the corrected file took the place of the rejected one.
    expect(await countRows(p.db, 'invoices', { number: 'RUF-0002' })).toBe(1);
    const runs = p.env.client.workflow.list({ query: `WorkflowId = '${correctedId}'` });
    let count = 0;
    for await (const run of runs) if (run.workflowId === correctedId) count += 1;
    expect(count).toBe(2);
  }, 240_000);
});
