/** "A1_FACTURE_FOURNISSEUR" → "A1 — Facture fournisseur": the cadre de facturation as people read it. */
export function cadreLabel(code: string): string {
  const [id, ...words] = code.split('_');
  const text = words.join(' ').toLowerCase();
  return `${id} — ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
