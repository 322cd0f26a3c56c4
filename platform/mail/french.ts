/**
 * French elision for words our emails put before a name: "de Atelier Dupont" reads "d'Atelier Dupont",
 * "que utilisateur" reads "qu'utilisateur". A name is not known to start with a mute or an aspirated h,
 * so only the common words with a mute h are elided before ("d'Hôtel…", but "de Hachette").
 */
export type ElidedWord = 'de' | 'De' | 'que' | 'le' | 'Le';

const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/i;
// Y is a vowel before a consonant (Yves, Yvelines) and a consonant before a vowel (Yaourt, Yoga).
const Y_AS_VOWEL = /^y[^aeiouàâäéèêëîïôöùûüy]/i;
const MUTE_H =
  /^(h[ôo]tel|h[ôo]pital|hospic|hospital|habita|habill|harmoni|h[ée]berg|h[ée]ritage|herbor|heure|histoire|historique|homme|honneur|horizon|horlog|horticult|huile|huilerie|humani|hydr|hygi[èe]n|hypermarch)/i;

/** Whether a French word elides before `next` (its first word decides). */
export function elidesBefore(next: string): boolean {
  const start = next.trimStart();
  return VOWEL.test(start) || Y_AS_VOWEL.test(start) || MUTE_H.test(start);
}

/** `word next` with the elision French requires: elide('de', 'Atelier Dupont') is "d'Atelier Dupont". */
export function elide(word: ElidedWord, next: string): string {
  return elidesBefore(next) ? `${word.slice(0, -1)}'${next.trimStart()}` : `${word} ${next}`;
}
