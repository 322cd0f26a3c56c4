/**
 * Findings in the reader's language, from a catalogue of French messages kept as data (fr/*.json).
 * Pure: the portal bundles it with the catalogue files it needs, the server with all of them.
 */

/** The languages the platform speaks: French to people by default, the official English on request. */
export type Language = 'fr' | 'en';

/**
 * One rule's French message: a fixed text, or a text with variants that rewrite the specific English
 * message (matched by the regular expression `en`; its named groups fill `{name}` in `fr`).
 */
export type MessageEntry = string | { text: string; variants?: { en: string; fr: string }[] };
export type Catalogue = Readonly<Record<string, MessageEntry>>;

/** What a finding needs to be localised; the other fields (severity, location) pass through. */
export interface Localisable {
  rule: string;
  message: string;
}

/** The platform's own findings say "français. / English.": this is the English half, else the whole. */
export function englishText(message: string): string {
  const split = message.indexOf('. / ');
  return split >= 0 ? message.slice(split + 4) : message;
}

const patterns = new Map<string, RegExp>();
const compiled = (source: string) => {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
};

// XML names in captured text read better without their namespace URI: {urn:…}Name → Name.
const withoutNamespaces = (text: string) => text.replace(/\{[^}]*\}/g, '');

/** The French text of an entry for one English message: the first variant that matches, else the text. */
export function frenchOf(entry: MessageEntry, english: string): string {
  if (typeof entry === 'string') return entry;
  for (const variant of entry.variants ?? []) {
    const match = compiled(variant.en).exec(english);
    if (match)
      return variant.fr.replace(/\{(\w+)\}/g, (_, name: string) =>
        withoutNamespaces(match.groups?.[name] ?? '').trim(),
      );
  }
  return entry.text;
}

const renderings = new Map<string, RegExp>();
/** The messages a variant's French template renders, e.g. "Le SIRET « {siret} » …" → /^Le SIRET « .* » …$/. */
const rendering = (template: string) => {
  let re = renderings.get(template);
  if (!re) {
    const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    renderings.set(template, (re = new RegExp(`^${parts.join('.*')}$`, 's')));
  }
  return re;
};

/** Whether `message` is already this entry's French (the API's answer, localised again by the portal). */
function isFrenchOf(entry: MessageEntry, message: string): boolean {
  if (typeof entry === 'string') return message === entry;
  return message === entry.text || (entry.variants ?? []).some((v) => rendering(v.fr).test(message));
}

/** The finding with its message in `language`; the rule id, severity and location never change. */
export function localizeWith<T extends Localisable>(catalogue: Catalogue, finding: T, language: Language): T {
  const english = englishText(finding.message);
  if (language === 'en') return english === finding.message ? finding : { ...finding, message: english };
  const entry = catalogue[finding.rule];
  if (entry === undefined || isFrenchOf(entry, finding.message)) return finding;
  return { ...finding, message: frenchOf(entry, english) };
}
