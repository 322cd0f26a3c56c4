import type { Db } from '../../platform/db';
import { checkedAttachmentName, downloadType, normalizedFileName } from '../../platform/attachment-types';
import { DomainError } from '../../platform/domain-error';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { closeTestDb, testDb } from '../support/stores';
import { pdf } from './hostile';
import { serveApi } from './serve';

/**
 * An encrypted PDF as ISO 32000-1 §7.6 lays it out: the trailer names an encryption dictionary
 * (Standard security handler). Hand-built: what matters is that the file declares encryption.
 */
const ENCRYPTED_PDF = Buffer.from(
  [
    '%PDF-1.7',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    '3 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O (x) /U (y) >> endobj',
    'trailer << /Root 1 0 R /Size 4 /Encrypt 3 0 R /ID [<01><01>] >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);

/** The first bytes of an ELF executable (System V ABI: 0x7F 'E' 'L' 'F', 64-bit, little-endian). */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const codeOf = (name: string, bytes: Uint8Array): string | undefined => {
  try {
    checkedAttachmentName(name, bytes);
    return undefined;
  } catch (err) {
    return (err as DomainError).code;
  }
};

describe('attachments: kinds recognised by content, PDFs that run nothing', () => {
  it('accepts the allowed kinds when the name says what the content is', async () => {
    expect(codeOf('facture.pdf', await pdf())).toBeUndefined();
    expect(codeOf('photo.png', PNG)).toBeUndefined();
    expect(codeOf('releve.csv', Buffer.from('date;montant\n2026-01-02;12,50\n'))).toBeUndefined();
    expect(codeOf('commande.xml', Buffer.from('<?xml version="1.0"?><Commande/>'))).toBeUndefined();
    expect(codeOf('note.txt', Buffer.from('Livré le 2 janvier, accusé réception signé.'))).toBeUndefined();
  });

  it('refuses HTML whatever it is called, and content that is not what the name says', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>');
    expect(codeOf('xss.html', html)).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(codeOf('xss.txt', html)).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(codeOf('page.html', Buffer.from('bonjour'))).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(codeOf('image.xml', svg)).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(codeOf('programme.pdf', ELF)).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(codeOf('photo.pdf', PNG)).toBe('ATTACHMENT_TYPE_MISMATCH');
    expect(codeOf('facture.png', await pdf())).toBe('ATTACHMENT_TYPE_MISMATCH');
  });

  it('refuses PDFs that run JavaScript (plain or in object streams), are encrypted or truncated', async () => {
    expect(codeOf('a.pdf', await pdf({ javascript: 'app.alert(1)' }))).toBe('ATTACHMENT_ACTIVE_CONTENT');
    expect(codeOf('b.pdf', await pdf({ javascript: 'app.alert(1)', objectStreams: true }))).toBe(
      'ATTACHMENT_ACTIVE_CONTENT',
    );
    expect(codeOf('c.pdf', ENCRYPTED_PDF)).toBe('PDF_ENCRYPTED');
    const whole = await pdf();
    expect(codeOf('d.pdf', whole.subarray(0, Math.floor(whole.length / 2)))).toBe('PDF_TRUNCATED');
  });

  it('normalises names: no control or bidirectional characters', () => {
    expect(normalizedFileName('rtl\u202efdp.exe.txt')).toBe('rtlfdp.exe.txt');
    expect(normalizedFileName(' fac\u0000ture\u2066.pdf\u200f ')).toBe('facture.pdf');
    expect(normalizedFileName('e\u0301te\u0301.pdf')).toBe('\u00e9t\u00e9.pdf');
    expect(checkedAttachmentName('rtl\u202efdp.exe.txt', Buffer.from('texte'))).toBe('rtlfdp.exe.txt');
  });

  it('serves downloads only with a type of the allow-list', () => {
    expect(downloadType('application/pdf')).toBe('application/pdf');
    expect(downloadType('text/html')).toBe('application/octet-stream');
    expect(downloadType('image/svg+xml')).toBe('application/octet-stream');
    expect(downloadType(undefined)).toBe('application/octet-stream');
  });
});

describe('attachments through the API (ajouter/fichier)', () => {
  let db: Db;
  let api: Awaited<ReturnType<typeof serveApi>>;
  let auth: { authorization: string };
  beforeAll(async () => {
    db = await testDb();
    api = await serveApi(db);
    auth = { authorization: `Bearer ${await seedUser(db, 'attachments-supplier')}` };
  });
  afterAll(async () => {
    await api.close();
    await closeTestDb(db);
  });

  const upload = (name: string, body: Uint8Array) =>
    fetch(`${api.url}/api/v1/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body,
    });

  it('refuses an HTML page and a PDF running JavaScript, keeps a clean PDF under its normalised name', async () => {
    const html = await upload('xss.html', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(415);
    expect((await json(html)).error).toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      details: { field: 'file' },
    });
    const active = await upload('bon.pdf', await pdf({ javascript: 'app.launchURL("http://x")' }));
    expect(active.status).toBe(415);
    expect((await json(active)).error.code).toBe('ATTACHMENT_ACTIVE_CONTENT');
    const clean = await upload('bon\u202e.pdf', await pdf());
    expect(clean.status).toBe(201);
    expect(await json(clean)).toMatchObject({ name: 'bon.pdf', mediaType: 'application/pdf' });
  });

  it('answers ATTACHMENT_TOO_LARGE for an 11 MB attachment, raw or multipart', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x41);
    const raw = await upload('gros.txt', big);
    expect(raw.status).toBe(413);
    expect((await json(raw)).error.code).toBe('ATTACHMENT_TOO_LARGE');
    const form = new FormData();
    form.append('file', new Blob([big]), 'gros.txt');
    const multipart = await fetch(`${api.url}/api/v1/files`, { method: 'POST', headers: auth, body: form });
    expect(multipart.status).toBe(413);
    expect((await json(multipart)).error.code).toBe('ATTACHMENT_TOO_LARGE');
  });
});
