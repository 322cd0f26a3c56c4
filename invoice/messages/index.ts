import fs from 'node:fs';
import path from 'node:path';
import {
  frenchOf,
  localizeWith,
  type Catalogue,
  type Language,
  type Localisable,
  type MessageEntry,
} from './localize';

export { englishText, type Catalogue, type Language, type Localisable, type MessageEntry } from './localize';
export { languageOf } from './language';

/** One file per rule set (en16931, ubl, cii, facturx, xsd, platform, errors…); new sets just add a file. */
const FRENCH_DIR = path.join(__dirname, 'fr');

let french: Catalogue | undefined;

/** Every French message, by rule id or error code, from every file of fr/ (read once). */
export function frenchCatalogue(): Catalogue {
  if (french) return french;
  const merged: Record<string, MessageEntry> = {};
  for (const file of fs
    .readdirSync(FRENCH_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const entries = JSON.parse(fs.readFileSync(path.join(FRENCH_DIR, file), 'utf8')) as Record<
      string,
      MessageEntry
    >;
    // A rule two sets share (a Peppol rule the Factur-X profiles also run) keeps its first message.
    for (const [id, entry] of Object.entries(entries)) merged[id] ??= entry;
  }
  return (french = merged);
}

/** The general French message of a rule or error code, or undefined when there is none. */
export function frenchMessage(ruleId: string): string | undefined {
  const entry = frenchCatalogue()[ruleId];
  return entry === undefined ? undefined : frenchOf(entry, '');
}

/** A finding in `language`: French from the catalogue, or the official English text. */
export function localizeFinding<T extends Localisable>(finding: T, language: Language): T {
  return localizeWith(frenchCatalogue(), finding, language);
}

export function localizeFindings<T extends Localisable>(findings: T[], language: Language): T[] {
  return findings.map((finding) => localizeFinding(finding, language));
}

/**
 * The message of a refusal (domain error code) in `language`; `english` is the error's own message,
 * whose specifics (the SIRET, the structures that match) a variant of the French entry keeps.
 */
export function refusalMessage(code: string, english: string, language: Language): string {
  if (language === 'en') return english;
  const entry = frenchCatalogue()[code];
  return entry === undefined ? english : frenchOf(entry, english);
}
