import type { InvoiceNote } from '../model';

/**
 * UBL has no element for BT-21 Invoice note subject code; the EN 16931 UBL binding (and PEPPOL BIS)
 * put it in front of the note text as "#CODE#text".
 */
const SUBJECT_PREFIX = /^#([A-Z]{3})#([\s\S]*)$/;

export function splitUblNote(text: string): InvoiceNote {
  const m = SUBJECT_PREFIX.exec(text);
  return m ? { subjectCode: m[1], text: m[2].trim() } : { text };
}

export function joinUblNote(note: InvoiceNote): string {
  return note.subjectCode ? `#${note.subjectCode}#${note.text}` : note.text;
}
