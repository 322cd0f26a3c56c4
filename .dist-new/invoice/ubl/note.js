"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitUblNote = splitUblNote;
exports.joinUblNote = joinUblNote;
/**
 * UBL has no element for BT-21 Invoice note subject code; the EN 16931 UBL binding (and PEPPOL BIS)
 * put it in front of the note text as "#CODE#text".
 */
const SUBJECT_PREFIX = /^#([A-Z]{3})#([\s\S]*)$/;
function splitUblNote(text) {
    const m = SUBJECT_PREFIX.exec(text);
    return m ? { subjectCode: m[1], text: m[2].trim() } : { text };
}
function joinUblNote(note) {
    return note.subjectCode ? `#${note.subjectCode}#${note.text}` : note.text;
}
//# sourceMappingURL=note.js.map