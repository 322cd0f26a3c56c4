import { elide } from '../../platform/mail/french';
import { noticeSubject, platformRejectionReasons } from '../../invoicing/notices';
import { digestText } from '../../invoicing/digest';
import { raccordementEmail } from '../../platform/mail/service-mode-templates';
import type { Finding } from '../../invoicing/types';

describe('French elision in emails', () => {
  it.each([
    ['de', 'Atelier Dupont', "d'Atelier Dupont"],
    ['de', 'Électricité Martin', "d'Électricité Martin"],
    ['de', 'EDF', "d'EDF"],
    ['de', 'Yves Rocher', "d'Yves Rocher"],
    ['de', 'Hôtel du Parc', "d'Hôtel du Parc"],
    ['de', 'Boulangerie Martin', 'de Boulangerie Martin'],
    ['de', 'Hachette Livre', 'de Hachette Livre'],
    ['de', 'Yaourts de France', 'de Yaourts de France'],
    ['de', '3M France', 'de 3M France'],
    ['De', 'Odoo', "D'Odoo"],
    ['que', 'utilisateur', "qu'utilisateur"],
    ['que', 'gestionnaire principal', 'que gestionnaire principal'],
    ['le', 'hôpital', "l'hôpital"],
  ] as const)('%s + %s reads %s', (word, next, expected) => {
    expect(elide(word, next)).toBe(expected);
  });

  it('elides in the subjects and texts that name the supplier or the application', () => {
    expect(
      noticeSubject('MISE_A_DISPOSITION', { number: 'FA-2026-0002', supplier_name: 'Atelier Dupont' }),
    ).toBe("Nouvelle facture FA-2026-0002 d'Atelier Dupont");
    expect(noticeSubject('COMPLETEE', { number: 'FA-1', supplier_name: 'Menuiserie Roux' })).toBe(
      'La facture FA-1 de Menuiserie Roux a été complétée',
    );
    expect(noticeSubject('REJETEE', { number: 'FA-2026-0002', supplier_name: 'Atelier Dupont' })).toBe(
      'Votre facture FA-2026-0002 est rejetée',
    );
    const digest = digestText(
      [
        {
          itemKey: 'k-1',
          userId: 'u-1',
          structureId: 'st-1',
          toEmail: 'u-1@example.org',
          invoiceId: 'i-1',
          kind: 'NOUVELLE',
          number: 'A-1',
          supplierName: 'Imprimerie Lenoir',
          recipientName: 'Commune de Villefranche',
          amount: '12.00',
          currency: 'EUR',
        },
      ],
      'http://portal.test',
    );
    expect(digest).toContain("- Facture A-1 d'Imprimerie Lenoir : ");
    expect(
      raccordementEmail({ applicationName: 'Odoo', status: 'QUALIFIEE', structureName: 'X' }).subject,
    ).toBe("Raccordement d'Odoo : qualification réussie");
  });
});

describe('reasons of a rejection by the platform', () => {
  const fatal = (rule: string, message: string): Finding => ({ rule, severity: 'fatal', message });

  it('lists the fatal findings in French, the first three and a count of the rest', () => {
    const findings = [
      { rule: 'BR-XX', severity: 'warning', message: 'A warning is no reason.' } as Finding,
      fatal(
        'FF-SERVICE-01',
        'Le code service est obligatoire pour ce destinataire. / This recipient requires a service code (BT-10).',
      ),
      fatal('FF-ROUTE-01', 'The invoice number (BT-1) is missing.'),
      fatal('R-3', 'Third.'),
      fatal('R-4', 'Fourth.'),
      fatal('R-5', 'Cinquième. / Fifth.'),
    ];
    expect(platformRejectionReasons(findings)).toEqual([
      'Motifs du rejet :',
      '- Le code service (BT-10) est obligatoire pour ce destinataire. (FF-SERVICE-01)',
      '- Le numéro de facture (BT-1) est absent. (FF-ROUTE-01)',
      '- Third. (R-3)',
      '- et 2 autres motifs, indiqués sur la page de la facture.',
    ]);
  });

  it('says "un autre motif" for one more, and nothing without a fatal finding', () => {
    const four = ['A', 'B', 'C', 'D'].map((r) => fatal(r, `${r}.`));
    expect(platformRejectionReasons(four).at(-1)).toBe(
      '- et un autre motif, indiqué sur la page de la facture.',
    );
    expect(platformRejectionReasons([fatal('FF-NEW-01', 'Règle nouvelle. / New rule.')])).toEqual([
      'Motif du rejet :',
      '- Règle nouvelle. (FF-NEW-01)',
    ]);
    expect(platformRejectionReasons([])).toEqual([]);
  });
});
