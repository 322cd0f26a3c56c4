import { checkAttachment } from '../../invoicing/attachments';

const MB = 1024 * 1024;

describe('checkAttachment', () => {
  it('accepts a named file of an allowed type within the limits', () => {
    expect(checkAttachment('bon-de-commande.PDF', 2 * MB, 100 * MB)).toBeUndefined();
    expect(checkAttachment(`${'x'.repeat(46)}.pdf`, 1, 0)).toBeUndefined();
  });

  it('names what is wrong with a stable code and the field', () => {
    const code = (name: string, size: number, total = 0) => checkAttachment(name, size, total)?.code;
    expect(code(`${'x'.repeat(47)}.pdf`, 1)).toBe('ATTACHMENT_NAME_INVALID');
    expect(code('../secret.pdf', 1)).toBe('ATTACHMENT_NAME_INVALID');
    expect(code('', 1)).toBe('ATTACHMENT_NAME_INVALID');
    expect(code('virus.exe', 1)).toBe('ATTACHMENT_EXTENSION_NOT_ALLOWED');
    expect(code('sans-extension', 1)).toBe('ATTACHMENT_EXTENSION_NOT_ALLOWED');
    expect(code('vide.txt', 0)).toBe('ATTACHMENT_EMPTY');
    expect(code('gros.zip', 10 * MB + 1)).toBe('ATTACHMENT_TOO_LARGE');
    expect(code('dernier.pdf', 5 * MB, 116 * MB)).toBe('ATTACHMENTS_TOTAL_TOO_LARGE');
    expect(checkAttachment('gros.zip', 11 * MB, 0)).toMatchObject({
      field: 'file',
      message: expect.stringContaining('10 MB'),
    });
  });
});
