import { describeWithCorpus } from '../support/corpus';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { countRows } from '../support/stores';
import {
  generateFlow,
  RECIPIENT,
  registerRecipient,
  registerSupplier,
  SUPPLIER,
  tarGz,
  YEAR,
} from './support/flows';
import { waitForFlow } from './support/wait';

describeWithCorpus('flow deposits (flux) through the API', () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await startTestPlatform({ maxUploadBytes: 20 * 1024 * 1024 });
    token = await seedUser(p.db, 'edi-sender');
    await registerSupplier(p.db, 'edi-sender');
    await registerRecipient(p.db);
  }, 120_000);
  afterAll(() => p?.stop());

  const post = (body: Buffer, query: string) =>
    fetch(`${p.url}/api/v1/flows?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body,
    });

  // 150 invoices: both kinds of refusal in the report, and three times the flow's window of 50 invoices
  // in progress. The 500-invoice flow runs in flow-crash.test.ts (with a worker killed) and bench:flow.
  it('integrates the valid invoices of a 150-invoice tar.gz and reports the others (IN_INTEGRE_PARTIEL)', async () => {
    const flow = generateFlow('FLX', 150, 30);
    const archive = await tarGz(flow.files);
    const res = await post(archive, 'syntaxeFlux=IN_DP_E1_UBL_INVOICE&nomFichier=lot.tar.gz');
    expect(res.status).toBe(202);
    const { numeroFluxDepot } = await json(res);
    expect(numeroFluxDepot).toMatch(/^FX[0-9A-F]{18}$/);

    const settled = await waitForFlow(p.url, token, numeroFluxDepot, 300_000);
    expect(settled).toMatchObject({
      etatCourantFlux: 'IN_INTEGRE_PARTIEL',
      syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
      nombreFactures: 150,
      nombreFacturesIntegrees: flow.valid.length,
    });
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const errors = [...report.listeErreurDP].sort((a, b) => a.fichier.localeCompare(b.fichier));
    expect(flow.valid).toHaveLength(145);
    expect(errors).toHaveLength(5);
    // Refused before filing: the report names the file and what could still be read from it.
    expect(errors.filter((e) => flow.unidentifiable.includes(e.fichier))).toEqual(
      flow.unidentifiable.map((fichier) =>
        expect.objectContaining({
          fichier,
          numeroDP: '',
          identifiantFournisseur: SUPPLIER,
          identifiantDestinataire: RECIPIENT,
          libelleErreurDP:
            'INVOICE_UNIDENTIFIABLE : La facture ne peut pas être enregistrée : il manque son numéro (BT-1).',
        }),
      ),
    );
    // Rejected by the invoice's own checks, with the official rule id.
    expect(errors.filter((e) => e.numeroDP !== '')).toEqual(
      flow.inconsistent.map((numeroDP) =>
        expect.objectContaining({
          numeroDP,
          identifiantFournisseur: SUPPLIER,
          identifiantDestinataire: RECIPIENT,
          libelleErreurDP: expect.stringContaining('BR-CO-16'),
        }),
      ),
    );
    // One invoice workflow and one read-model row per filed invoice, under the direct-deposit ids.
    expect(await countRows(p.db, 'invoices', { deposit_mode: 'EDI' })).toBe(150 - flow.unidentifiable.length);
    expect(await countRows(p.db, 'invoices', { id: `invoice/${SUPPLIER}/${YEAR}/FLX-0001` })).toBe(1);

    const pdf = await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The same archive again is the same flow: nothing new is filed.
    const again = await post(archive, 'syntaxeFlux=IN_DP_E1_UBL_INVOICE');
    expect(again.status).toBe(200);
    expect((await json(again)).numeroFluxDepot).toBe(numeroFluxDepot);
  }, 360_000);

  it('re-sends invoices already filed as the same invoices, and refuses another file under a used number', async () => {
    const first = generateFlow('RSD', 3, 1000);
    const changed = first.files.map((f, i) =>
      i === 2 ? { ...f, xml: f.xml.replace('<cbc:Note>', '<cbc:Note>Modifiée. ') } : f,
    );
    const a = await json(await post(await tarGz(first.files), 'syntaxeFlux=IN_DP_E1_UBL_INVOICE'));
    expect(await waitForFlow(p.url, token, a.numeroFluxDepot, 60_000)).toMatchObject({
      etatCourantFlux: 'IN_INTEGRE',
    });

    const b = await json(await post(await tarGz(changed), 'syntaxeFlux=IN_DP_E1_UBL_INVOICE'));
    expect(b.numeroFluxDepot).not.toBe(a.numeroFluxDepot);
    expect(await waitForFlow(p.url, token, b.numeroFluxDepot, 60_000)).toMatchObject({
      etatCourantFlux: 'IN_INTEGRE_PARTIEL',
      nombreFacturesIntegrees: 2,
    });
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${b.numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(report.listeErreurDP).toEqual([
      expect.objectContaining({
        numeroDP: 'RSD-0003',
        libelleErreurDP: expect.stringMatching(/^DUPLICATE_INVOICE/),
      }),
    ]);
    expect(await countRows(p.db, 'invoices', { number: 'RSD-0003' })).toBe(1);
  }, 150_000);

  it('rejects a flow whose archive climbs out of its folder, and refuses bad requests with a code and field', async () => {
    const bad = await json(
      await post(await tarGz([{ name: '../evil.xml', xml: '<x/>' }]), 'syntaxeFlux=IN_DP_E1_UBL_INVOICE'),
    );
    const settled = await waitForFlow(p.url, token, bad.numeroFluxDepot, 30_000);
    expect(settled.etatCourantFlux).toBe('IN_REJETE');
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${bad.numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(report.listeErreurDP[0].libelleErreurDP).toMatch(/^ARCHIVE_PATH_UNSAFE/);

    const noSyntax = await post(Buffer.from('x'), 'syntaxeFlux=IN_DP_E9');
    expect(noSyntax.status).toBe(400);
    expect((await json(noSyntax)).error).toMatchObject({
      code: 'FLOW_SYNTAX_INVALID',
      details: { field: 'syntaxeFlux' },
    });
    const anonymous = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
  }, 60_000);

  it('refuses the invoices of a supplier structure the sender does not belong to', async () => {
    const outsider = await seedUser(p.db, 'edi-outsider');
    const flow = generateFlow('OUT', 2, 1000);
    const res = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
      headers: { authorization: `Bearer ${outsider}`, 'content-type': 'application/gzip' },
      body: await tarGz(flow.files),
    });
    const { numeroFluxDepot } = await json(res);
    expect(await waitForFlow(p.url, outsider, numeroFluxDepot, 60_000)).toMatchObject({
      etatCourantFlux: 'IN_REJETE',
    });
    const report = await json(
      await fetch(`${p.url}/api/v1/flows/${numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${outsider}` },
      }),
    );
    expect(
      report.listeErreurDP.map((e: { libelleErreurDP: string }) => e.libelleErreurDP.split(' : ')[0]),
    ).toEqual(['NOT_A_MEMBER', 'NOT_A_MEMBER']);
    expect(await countRows(p.db, 'invoices', { number: 'OUT-0001' })).toBe(0);
  }, 90_000);
});
