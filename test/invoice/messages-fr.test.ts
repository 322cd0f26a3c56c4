import fs from 'node:fs';
import path from 'node:path';
import {
  frenchCatalogue,
  frenchMessage,
  languageOf,
  localizeFinding,
  refusalMessage,
} from '../../invoice/messages';
import { HTTP_STATUS } from '../../api/errors';

const ROOT = path.join(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'invoice', 'validate', 'rules');

interface Assert {
  id: string;
  message: string;
}

/** Every assert of every official rule set the platform runs, read from the rule data itself. */
function officialAsserts(): Assert[] {
  return fs
    .readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.json') && !['code-lists.json', 'source.json'].includes(f))
    .flatMap((f) => {
      const schema = JSON.parse(fs.readFileSync(path.join(RULES_DIR, f), 'utf8')) as {
        patterns: { rules: { asserts: Assert[] }[] }[];
      };
      return schema.patterns.flatMap((p) => p.rules.flatMap((r) => r.asserts));
    });
}

/** The ids written in the sources of a folder, e.g. 'FF-SIRET-01' or DomainError('NOT_A_MEMBER'. */
function idsIn(folder: string, pattern: RegExp): string[] {
  const files = fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' });
  return files
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...fs.readFileSync(path.join(ROOT, folder, f), 'utf8').matchAll(pattern)].map((m) => m[1]),
    );
}

describe('French messages of findings', () => {
  const catalogue = frenchCatalogue();

  it('covers every rule id of the official rule data (EN 16931 UBL and CII, Factur-X profiles)', () => {
    const ids = [...new Set(officialAsserts().map((a) => a.id))];
    expect(ids.length).toBeGreaterThan(2000);
    expect(ids.filter((id) => !catalogue[id])).toEqual([]);
  });

  it("covers every platform rule (FF-*), every XSD schema's rule and every refusal code", () => {
    const platform = [
      ...idsIn('invoice', /'(FF-[A-Z]+-\d+)'/g),
      ...idsIn('invoice/xsd', /'(XSD-[A-Z]+)'/g),
      ...['MINIMUM', 'BASIC-WL', 'BASIC', 'EN16931', 'EXTENDED'].map((p) => `XSD-FX-${p}`),
    ];
    const refusals = [
      ...Object.keys(HTTP_STATUS),
      ...idsIn('invoicing', /DomainError\(\s*'([A-Z_]+)'/g),
      ...idsIn('invoice/facturx', /'(PDF_[A-Z_]+)'/g),
      ...idsIn('flows', /'(ARCHIVE_[A-Z_]+)'/g),
    ];
    expect(new Set(platform).size).toBeGreaterThan(20);
    expect([...new Set([...platform, ...refusals])].filter((id) => !catalogue[id])).toEqual([]);
  });

  it('names the business terms (BT-n, BG-n) of the English original, on a sample across rule sets', () => {
    const byId = new Map(officialAsserts().map((a) => [a.id, a.message]));
    const terms = (text: string) => new Set(text.match(/\bB[TG]-\d+\b/g) ?? []);
    const sample = [...byId.keys()].filter(
      (id) => /^BR-(?!FXEXT)/.test(id) || /^(UBL-SR-5|CII-SR-46)/.test(id),
    );
    expect(sample.length).toBeGreaterThan(150);
    const lacking = sample.flatMap((id) => {
      const french = terms(frenchMessage(id)!);
      const missing = [...terms(byId.get(id)!)].filter((t) => !french.has(t));
      return missing.length > 0 ? [`${id}: ${missing.join(' ')}`] : [];
    });
    expect(lacking).toEqual([]);
  });

  it('writes BR-CO-15 as a supplier reads it, keeping the official id', () => {
    const finding = {
      rule: 'BR-CO-15',
      severity: 'fatal' as const,
      message:
        '[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).',
      location: '/Invoice',
    };
    expect(localizeFinding(finding, 'fr')).toEqual({
      ...finding,
      message: 'Le montant total TTC (BT-112) doit être égal au total HT (BT-109) plus la TVA (BT-110).',
    });
    expect(localizeFinding(finding, 'en')).toEqual(finding);
  });

  it('keeps the specifics of platform findings: French from the English half, English on request', () => {
    const siret = {
      rule: 'FF-SIRET-01',
      severity: 'fatal' as const,
      message:
        'Le SIRET "123" est invalide (14 chiffres et clé de contrôle attendus). / SIRET "123" is invalid (14 digits with a valid check digit expected).',
    };
    expect(localizeFinding(siret, 'fr').message).toBe(
      'Le SIRET « 123 » est invalide : 14 chiffres et une clé de contrôle valide sont attendus.',
    );
    expect(localizeFinding(siret, 'en').message).toBe(
      'SIRET "123" is invalid (14 digits with a valid check digit expected).',
    );
    const iban = {
      rule: 'FF-IBAN-01',
      message:
        "L'IBAN du virement est invalide (wrong check digits). / The credit transfer IBAN is invalid (wrong check digits).",
    };
    expect(localizeFinding(iban, 'fr').message).toBe(
      "L'IBAN du virement (BT-84) est invalide : sa clé de contrôle est fausse.",
    );
  });

  it('wraps XSD errors in French, naming the element', () => {
    const xsd = {
      rule: 'XSD-UBL',
      message:
        "Element '{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}Note': This element is not expected. Expected is ( {urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}TaxPointDate ).",
    };
    expect(localizeFinding(xsd, 'fr').message).toBe(
      "Le fichier ne respecte pas le schéma UBL 2.1 : l'élément « Note » n'est pas attendu à cet endroit (attendu : TaxPointDate).",
    );
  });

  it('leaves an unknown rule in its own words, and gives refusals in French unless English is asked', () => {
    expect(localizeFinding({ rule: 'X-1', message: 'as is' }, 'fr').message).toBe('as is');
    expect(refusalMessage('NOT_A_MEMBER', 'You are not attached', 'fr')).toMatch(/rattaché/);
    expect(refusalMessage('NOT_A_MEMBER', 'You are not attached', 'en')).toBe('You are not attached');
  });

  it('leaves a finding already in French as it is: localising twice keeps the specifics', () => {
    const siret = {
      rule: 'FF-SIRET-01',
      message:
        'Le SIRET "123" est invalide (14 chiffres). / SIRET "123" is invalid (14 digits with a valid check digit expected).',
    };
    const once = localizeFinding(siret, 'fr');
    expect(localizeFinding(once, 'fr')).toEqual(once);
    const total = { rule: 'BR-CO-15', message: frenchMessage('BR-CO-15')! };
    expect(localizeFinding(total, 'fr')).toEqual(total);
  });

  it('keeps the specifics of a refusal: the SIRET, the party and the structures it names', () => {
    expect(
      refusalMessage(
        'IDENTITY_NOT_CONFIRMED',
        'The company registry does not know SIRET 73282932000074: an operator can confirm it.',
        'fr',
      ),
    ).toBe(
      'Le répertoire des entreprises ne connaît pas le SIRET 73282932000074 : un opérateur du support peut confirmer l’identité de la structure.',
    );
    // Identification words its refusal in French already, naming the field to fill and the matches.
    const ambiguous =
      "Le fournisseur (vendeur) est désigné par le SIREN 412345670, qui correspond à plusieurs structures de la plateforme : 41234567000012 (Siège), 41234567000020 (Agence). Indiquez le SIRET de l'établissement en BT-29 (schéma 0009) ou en adresse électronique BT-34 (schéma 0009 ou 0225).";
    expect(refusalMessage('PARTY_AMBIGUOUS', ambiguous, 'fr')).toBe(ambiguous);
    expect(refusalMessage('PARTY_UNRESOLVED', 'Party unknown', 'fr')).toMatch(/BT-29.*BT-46/);
    const outsider =
      "Vous n'êtes pas rattaché à la structure Acme (41234567000012), qui émet cette facture (vendeur identifié par BT-29, BT-30, BT-31 ou BT-34).";
    expect(refusalMessage('NOT_A_MEMBER', outsider, 'fr')).toBe(outsider);
    expect(
      refusalMessage(
        'INVOICE_UNIDENTIFIABLE',
        'The invoice cannot be filed: missing BT-1 invoice number.',
        'fr',
      ),
    ).toBe('La facture ne peut pas être enregistrée : il manque son numéro (BT-1).');
    expect(
      refusalMessage(
        'ARCHIVE_PATH_UNSAFE',
        'The archive entry "../../etc/passwd" points outside the archive.',
        'fr',
      ),
    ).toBe('Le fichier « ../../etc/passwd » a un chemin qui sort de l’archive : l’archive est refusée.');
  });

  it('negotiates the language: French unless English is preferred', () => {
    expect(languageOf(undefined)).toBe('fr');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-GB,en;q=0.9')).toBe('en');
    expect(languageOf('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageOf('en;q=0.5,fr;q=0.9')).toBe('fr');
    expect(languageOf('de')).toBe('fr');
  });
});
