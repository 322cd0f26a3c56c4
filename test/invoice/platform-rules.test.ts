import fs from 'node:fs';
import { parseInvoice, type Invoice } from '../../invoice';
import {
  CADRES_DE_FACTURATION,
  ibanProblem,
  isValidSiren,
  isValidSiret,
  luhnValid,
  validatePlatformRules,
  type DuplicateRegistry,
  type PlatformContext,
  type RecipientDirectory,
  type RecipientParameters,
} from '../../invoice/platform-rules';
import { corpusPath, describeWithCorpus } from '../support/corpus';

describe('French register numbers', () => {
  it('accepts Luhn-valid SIRET and SIREN numbers', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
  });

  it('rejects a SIRET whose SIREN part is invalid even when the whole passes Luhn', () => {
    // 73282933 + check digit 0 is not a valid SIREN, but the 14 digits are balanced to pass Luhn.
    expect(isValidSiren('732829330')).toBe(false);
    expect(luhnValid('73282933000065')).toBe(true);
    expect(isValidSiret('73282933000065')).toBe(false);
  });

  it('applies the La Poste exception: digit sum multiple of 5', () => {
    expect(isValidSiret('35600000000048')).toBe(true); // head office, Luhn-valid as well
    expect(luhnValid('35600000000015')).toBe(false);
    expect(isValidSiret('35600000000015')).toBe(true); // digit sum 20
    expect(isValidSiret('35600000000016')).toBe(false); // digit sum 21, not Luhn
    // The exception is La Poste's only: elsewhere a digit sum multiple of 5 proves nothing.
    expect(isValidSiret('73282932000072')).toBe(false);
  });
});

describe('IBAN check', () => {
  it.each([
    'FR7630006000011234567890189',
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'NL57 RABO 0107 3075 10',
  ])('accepts %s', (iban) => expect(ibanProblem(iban)).toBeUndefined());

  it('names what is wrong', () => {
    expect(ibanProblem('FR7630006000011234567890188')).toBe('wrong check digits');
    expect(ibanProblem('FR763000600001123456789018')).toBe('26 characters instead of 27');
    expect(ibanProblem('ZZ7630006000011234567890189')).toBe('unknown country ZZ');
    expect(ibanProblem('FR76-3000-6000')).toBe('malformed');
  });
});

const FRENCH_UBL = 'akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml';
const FRENCH_CII = 'akretion/factur-x/tests/fixtures/xml/factur-x-en16931.xml';

/** A directory that knows one recipient (under the scheme and id the invoice routes on) and records look-ups. */
function directoryWith(
  recipient: RecipientParameters | undefined,
): RecipientDirectory & { asked: unknown[][] } {
  const asked: unknown[][] = [];
  return {
    asked,
    async find(identifier, scheme) {
      asked.push([identifier, scheme]);
      return identifier === '787878784' && scheme === '0002' ? recipient : undefined;
    },
  };
}

const PLAIN_RECIPIENT: RecipientParameters = {
  codeServiceDoitEtreRenseigne: false,
  numeroEJDoitEtreRenseigne: false,
  gestionNumeroEJOuCodeService: false,
  public: true,
  services: [
    { code: '120943', active: true, engagementRequired: false },
    { code: 'ACHATS', active: true, engagementRequired: true },
    { code: 'ANCIEN', active: false, engagementRequired: false },
  ],
};

describeWithCorpus('validatePlatformRules on corpus invoices', () => {
  const base: Invoice = parseInvoice(fs.readFileSync(corpusPath(FRENCH_UBL))).invoice;
  const edit = (change: (invoice: Invoice) => void): Invoice => {
    const copy = structuredClone(base);
    change(copy);
    return copy;
  };
  const rulesOf = async (invoice: Invoice, ctx?: PlatformContext) =>
    (await validatePlatformRules(invoice, ctx)).map((f) => `${f.rule}@${f.location}`);
  const withRecipient = (overrides: Partial<RecipientParameters>) => ({
    recipients: directoryWith({ ...PLAIN_RECIPIENT, ...overrides }),
  });

  it('finds nothing on the unedited French invoice, even with a directory', async () => {
    expect(base.seller.identifiers[0]).toEqual({ value: '99999999800019', schemeId: '0009' });
    expect(await validatePlatformRules(base, withRecipient({}))).toEqual([]);
  });

  describe('FF-SIRET-01 / FF-SIREN-01', () => {
    const withSellerSiret = (value: string) =>
      edit((invoice) => (invoice.seller.identifiers[0] = { value, schemeId: '0009' }));

    it.each(['35600000000048', '35600000000015', '73282932000074'])('accepts SIRET %s', async (siret) => {
      expect(await rulesOf(withSellerSiret(siret))).toEqual([]);
    });

    it.each(['73282932000075', '73282932000072', '7328293200007'])('rejects SIRET %s', async (siret) => {
      const findings = await validatePlatformRules(withSellerSiret(siret));
      expect(findings).toEqual([
        {
          rule: 'FF-SIRET-01',
          severity: 'fatal',
          location: 'BT-29',
          message: expect.stringContaining(siret),
        },
      ]);
    });

    it('checks the SIREN legal registration id (BT-30, scheme 0002)', async () => {
      const bad = edit(
        (invoice) => (invoice.seller.legalRegistrationId = { value: '999999997', schemeId: '0002' }),
      );
      expect(await rulesOf(bad)).toEqual(['FF-SIREN-01@BT-30']);
    });

    it("checks a French party's legal registration id written without a scheme, by its length", async () => {
      const badSiret = edit((invoice) => (invoice.buyer.legalRegistrationId = { value: '73282932000075' }));
      expect(await rulesOf(badSiret)).toEqual(['FF-SIRET-01@BT-47']);
      const badSiren = edit((invoice) => (invoice.buyer.legalRegistrationId = { value: '732829321' }));
      expect(await rulesOf(badSiren)).toEqual(['FF-SIREN-01@BT-47']);
    });

    it('leaves a foreign party’s unqualified legal id alone', async () => {
      const foreign = edit((invoice) => {
        invoice.buyer.legalRegistrationId = { value: '732829321' };
        invoice.buyer.address = { ...invoice.buyer.address, countryCode: 'DE' };
        invoice.buyer.vatId = 'DE123456789';
      });
      expect(await rulesOf(foreign)).toEqual([]);
    });

    it('reports the sample SIREN of the Factur-X EN 16931 fixture', async () => {
      const { invoice } = parseInvoice(fs.readFileSync(corpusPath(FRENCH_CII)));
      expect(invoice.buyer.legalRegistrationId).toEqual({ value: '987654321', schemeId: '0002' });
      expect(await rulesOf(invoice)).toEqual(['FF-SIREN-01@BT-47']);
    });
  });

  describe('FF-CADRE-01', () => {
    it('lists the 25 cadres A1..A25 once each', () => {
      const numbers = CADRES_DE_FACTURATION.map((code) => Number(/^A(\d+)_/.exec(code)![1]));
      expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it.each(['A1_FACTURE_FOURNISSEUR', 'A9_FACTURE_SOUSTRAITANT', 'A21_DEMANDE_REMBOURSEMENT_TIC'])(
      'accepts %s',
      async (code) =>
        expect(await rulesOf(edit((invoice) => (invoice.cadreDeFacturation = code)))).toEqual([]),
    );

    it.each(['A26_FACTURE', 'a1_facture_fournisseur', ''])('rejects "%s"', async (code) => {
      expect(await rulesOf(edit((invoice) => (invoice.cadreDeFacturation = code)))).toEqual([
        'FF-CADRE-01@cadreDeFacturation',
      ]);
    });
  });

  describe('FF-IBAN-01', () => {
    const withAccount = (accountId: string, typeCode = '30') =>
      edit((invoice) => {
        invoice.paymentInstructions!.typeCode = typeCode;
        invoice.paymentInstructions!.creditTransfers = [{ accountId }];
      });

    it('accepts a valid IBAN, grouped or not', async () => {
      expect(await rulesOf(withAccount('FR76 3000 6000 0112 3456 7890 189'))).toEqual([]);
      expect(await rulesOf(withAccount('FR7630006000011234567890189', '58'))).toEqual([]);
    });

    it('rejects a wrong check digit or length without echoing the account', async () => {
      const findings = await validatePlatformRules(withAccount('FR7630006000011234567890188'));
      expect(findings.map((f) => f.rule)).toEqual(['FF-IBAN-01']);
      expect(findings[0].message).not.toContain('3000600001');
      expect(await rulesOf(withAccount('FR763000600001123456789018'))).toEqual(['FF-IBAN-01@BT-84']);
    });

    it('ignores non-transfer payment means and proprietary account ids', async () => {
      expect(await rulesOf(withAccount('FR7630006000011234567890188', '49'))).toEqual([]);
      expect(await rulesOf(withAccount('0012345678'))).toEqual([]);
    });
  });

  describe('recipient rules', () => {
    it('FF-RECIPIENT-01: looks the buyer up by BT-47 and reports an unknown one', async () => {
      const recipients = directoryWith(undefined);
      expect(await rulesOf(base, { recipients })).toEqual(['FF-RECIPIENT-01@BG-7']);
      expect(recipients.asked).toEqual([['787878784', '0002']]);
      expect(await rulesOf(base)).toEqual([]);
    });

    it('FF-SERVICE-01: required service code', async () => {
      const noService = edit((invoice) => delete invoice.buyerReference);
      expect(await rulesOf(noService, withRecipient({ codeServiceDoitEtreRenseigne: true }))).toEqual([
        'FF-SERVICE-01@BT-10',
      ]);
      expect(await rulesOf(noService, withRecipient({}))).toEqual([]);
    });

    it('FF-SERVICE-01: the service must be known and active', async () => {
      const service = (code: string) => edit((invoice) => (invoice.buyerReference = code));
      expect(await rulesOf(service('ACHATS'), withRecipient({}))).toEqual([]);
      const inactive = await validatePlatformRules(service('ANCIEN'), withRecipient({}));
      expect(inactive.map((f) => f.message)).toEqual([expect.stringContaining('inactive')]);
      const unknown = await validatePlatformRules(service('INCONNU'), withRecipient({}));
      expect(unknown.map((f) => f.message)).toEqual([expect.stringContaining('unknown')]);
    });

    it('FF-EJ-01: engagement number required by the recipient or by the chosen service', async () => {
      const noEngagement = edit((invoice) => delete invoice.purchaseOrderReference);
      expect(await rulesOf(noEngagement, withRecipient({ numeroEJDoitEtreRenseigne: true }))).toEqual([
        'FF-EJ-01@BT-13',
      ]);
      expect(await rulesOf(noEngagement, withRecipient({}))).toEqual([]);
      const toAchats = edit((invoice) => {
        delete invoice.purchaseOrderReference;
        invoice.buyerReference = 'ACHATS';
      });
      const findings = await validatePlatformRules(toAchats, withRecipient({}));
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'FF-EJ-01', message: expect.stringContaining('ACHATS') }),
      ]);
    });

    it('FF-EJ-01: at most 50 characters, with or without a directory', async () => {
      const engagement = (length: number) =>
        edit((invoice) => (invoice.purchaseOrderReference = 'E'.repeat(length)));
      expect(await rulesOf(engagement(50))).toEqual([]);
      expect(await rulesOf(engagement(51))).toEqual(['FF-EJ-01@BT-13']);
    });

    it('FF-EJ-02: one of the service code and the engagement number', async () => {
      const ctx = withRecipient({ gestionNumeroEJOuCodeService: true });
      const neither = edit((invoice) => {
        delete invoice.buyerReference;
        invoice.purchaseOrderReference = '  ';
      });
      expect(await rulesOf(neither, ctx)).toEqual(['FF-EJ-02@BT-10']);
      expect(
        await rulesOf(
          edit((invoice) => delete invoice.buyerReference),
          ctx,
        ),
      ).toEqual([]);
      expect(
        await rulesOf(
          edit((invoice) => delete invoice.purchaseOrderReference),
          ctx,
        ),
      ).toEqual([]);
    });

    it('FF-EUR-01: a public buyer is invoiced in EUR', async () => {
      const usd = edit((invoice) => (invoice.currencyCode = 'USD'));
      expect(await rulesOf(usd, withRecipient({}))).toEqual(['FF-EUR-01@BT-5']);
      expect(await rulesOf(usd, withRecipient({ public: false }))).toEqual([]);
    });
  });

  describe('FF-DUP-01', () => {
    const registry = (...deposited: [string, number, string][]): DuplicateRegistry => ({
      exists: async (supplier, year, number) =>
        deposited.some(([s, y, n]) => s === supplier && y === year && n === number),
    });

    it('reports the same supplier, number and year', async () => {
      const duplicates = registry(['999999998', 2026, 'F124212']);
      expect(await rulesOf(base, { duplicates })).toEqual(['FF-DUP-01@BT-1']);
    });

    it('accepts the same number in another year or from another supplier', async () => {
      expect(await rulesOf(base, { duplicates: registry(['999999998', 2025, 'F124212']) })).toEqual([]);
      expect(await rulesOf(base, { duplicates: registry(['123456782', 2026, 'F124212']) })).toEqual([]);
    });

    it('takes the deposit year when the issue date is unreadable', async () => {
      const undated = edit((invoice) => (invoice.issueDate = '17/06/26'));
      const duplicates = registry(['999999998', 2027, 'F124212']);
      expect(await rulesOf(undated, { duplicates, today: '2027-01-05' })).toEqual(['FF-DUP-01@BT-1']);
    });
  });
});
