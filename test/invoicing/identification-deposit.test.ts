import { toCii, toFacturX, toUbl, type Invoice } from '../../invoice';
import { erpInvoice as frenchErpInvoice } from './erp-invoice';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { frenchVat, siren, siret } from './french-numbers';

const SUPPLIER = siren('41234567');
const SUPPLIER_SIRET = siret(SUPPLIER, '0001');
const BUYER = siren('21690266');
const BUYER_SIRET = siret(BUYER, '0001');
/** A company with two registered establishments: its SIREN alone names neither. */
const TWO_SITES = siren('55203253');

/** The invoice as French ERPs write it (SIREN in BT-30, SIRET in BT-29), the buyer by its electronic address only. */
const erpInvoice = (number: string, change?: (inv: Invoice) => void) =>
  frenchErpInvoice(
    {
      name: 'Menuiserie Lefèvre SAS',
      siren: SUPPLIER,
      legalInfo: `SAS au capital de 20 000 € — RCS Lyon ${SUPPLIER}`,
    },
    { legalRegistrationId: undefined, electronicAddress: { value: BUYER_SIRET, schemeId: '0009' } },
    number,
    change,
  );

describe('deposits identified by every French identifier, on a fresh install', () => {
  let p: TestPlatform;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const deposit = (body: string | Uint8Array, type = 'application/xml') =>
    fetch(`${p.url}/api/v1/invoices`, { method: 'POST', headers: { 'content-type': type, ...auth() }, body });
  const reaches = async (res: Response, status = 'MISE_A_DISPOSITION') => {
    const body = await json(res);
    expect({ status: res.status, error: body.error }).toEqual({ status: 202, error: undefined });
    // A corrected deposit replaces a REJETEE one under the same id: wait for the outcome asked for.
    const until = status === 'REJETEE' ? ['MISE_A_DISPOSITION', 'REJETEE'] : [status];
    const invoice = await waitForStatus(p.url, body.id, until, 30_000, token);
    expect({ status: invoice.status, findings: invoice.history.at(-1).reasons }).toMatchObject({ status });
    return invoice;
  };

  beforeAll(async () => {
    p = await startTestPlatform();
    token = await seedUser(p.db, 'lefevre');
    // A public buyer, created as operators do.
    await registerStructure(p.db, {
      identifier: BUYER_SIRET,
      name: 'Commune de Villeurbanne',
      public: true,
      services: [{ code: 'SERV-INFRA-01' }],
    });
  }, 120_000);
  afterAll(() => p?.stop());

  it('registers the supplier with a SIRET typed with spaces although no registry is configured', async () => {
    const typed = `${SUPPLIER.slice(0, 3)} ${SUPPLIER.slice(3, 6)} ${SUPPLIER.slice(6)} ${SUPPLIER_SIRET.slice(9)}`;
    const res = await fetch(`${p.url}/api/v1/structures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({
        identifierType: 'SIRET',
        identifier: typed,
        name: 'Menuiserie Lefèvre SAS',
        vatNumber: `FR ${frenchVat(SUPPLIER).slice(2, 4)} ${SUPPLIER}`,
        address: { street: '8 rue de la Charité', postalCode: '69002', city: 'Lyon' },
      }),
    });
    const body = await json(res);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({
      identifier: SUPPLIER_SIRET,
      vatNumber: frenchVat(SUPPLIER),
      identityVerified: false,
    });
    const structureId = body.id;
    // An operator confirms the identity.
    const operator = await seedUser(p.db, 'operateur', { operator: true });
    const confirmed = await fetch(`${p.url}/api/v1/structures/${structureId}/identity-verification`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect((await json(confirmed)).identityVerified).toBe(true);
  });

  it('files a UBL with the SIREN in BT-30 and the SIRET in BT-29 under the SIRET, to a buyer named in BT-49 only', async () => {
    const invoice = await reaches(await deposit(toUbl(erpInvoice('FA-2024-0101'))));
    expect(invoice.id).toBe(`invoice/${SUPPLIER_SIRET}/2024/FA-2024-0101`);
    expect(invoice.recipient.id).toBe(BUYER_SIRET);
  });

  it('files a Factur-X PDF whose CII carries the SIREN as legal organisation and the SIRET as global id', async () => {
    const inv = erpInvoice('FA-2024-0102');
    const cii = toCii(inv, 'EN 16931');
    expect(cii).toContain(`<ram:GlobalID schemeID="0009">${SUPPLIER_SIRET}</ram:GlobalID>`);
    expect(cii).toMatch(new RegExp(`SpecifiedLegalOrganization>\\s*<ram:ID schemeID="0002">${SUPPLIER}<`));
    const pdf = await toFacturX(inv, { profile: 'EN 16931', cii });
    await reaches(await deposit(pdf, 'application/pdf'));
  });

  it('files a CII with the SIRET in BT-30 and the buyer by its SIREN in BT-47', async () => {
    const inv = erpInvoice('FA-2024-0103', (i) => {
      i.seller.legalRegistrationId = { value: SUPPLIER_SIRET, schemeId: '0009' };
      i.seller.identifiers = [];
      i.buyer.legalRegistrationId = { value: BUYER, schemeId: '0002' };
    });
    await reaches(await deposit(toCii(inv)));
  });

  it('refuses in French a seller SIREN that names two registered establishments, naming the field', async () => {
    await registerStructure(p.db, { identifier: siret(TWO_SITES, '0001'), members: [{ userId: 'lefevre' }] });
    await registerStructure(p.db, { identifier: siret(TWO_SITES, '0002'), members: [{ userId: 'lefevre' }] });
    const inv = erpInvoice('FA-2024-0104', (i) => {
      i.seller.legalRegistrationId = { value: TWO_SITES, schemeId: '0002' };
      i.seller.identifiers = [];
      i.seller.vatId = frenchVat(TWO_SITES);
    });
    const res = await deposit(toUbl(inv));
    expect(res.status).toBe(422);
    const { error } = await json(res);
    expect(error).toMatchObject({
      code: 'PARTY_AMBIGUOUS',
      details: { field: 'BT-29', party: 'seller', siren: TWO_SITES },
    });
    expect(error.message).toMatch(/plusieurs structures.*Indiquez le SIRET.*BT-29/);
    expect(error.details.matches).toHaveLength(2);
  });

  it('takes again, once corrected, a number the platform rejected before delivery', async () => {
    const wrongBuyer = erpInvoice('FA-2024-0105', (i) => {
      i.buyer.electronicAddress = { value: siret(siren('30012345'), '0001'), schemeId: '0009' };
    });
    const rejected = await reaches(await deposit(toUbl(wrongBuyer)), 'REJETEE');
    expect(rejected.history.at(-1).reasons.map((f: { rule: string }) => f.rule)).toContain('FF-RECIPIENT-01');
    // The same refused file again answers the same invoice.
    const again = await deposit(toUbl(wrongBuyer));
    expect(again.status).toBe(200);

    const corrected = await deposit(toUbl(erpInvoice('FA-2024-0105')));
    const delivered = await reaches(corrected);
    expect(delivered.id).toBe(rejected.id);
    expect(delivered.history.map((h: { status: string }) => h.status)).toEqual([
      'DEPOSEE',
      'EN_COURS_ACHEMINEMENT',
      'MISE_A_DISPOSITION',
    ]);
    // Delivered, the number is used up: another file under it is a duplicate.
    const other = await deposit(toUbl(erpInvoice('FA-2024-0105', (i) => (i.notes = [{ text: 'Autre' }]))));
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe('DUPLICATE_INVOICE');
  });
});
