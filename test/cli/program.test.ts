import { defaultOutputPath } from '../../cli/convert';
import { parseProfile } from '../../cli/profile-option';
import { buildProgram } from '../../cli/program';

describe('facturflow program', () => {
  it('offers validate, convert, inspect and connector', () => {
    const program = buildProgram(() => undefined);
    expect(program.commands.map((c) => c.name())).toEqual(['validate', 'convert', 'inspect', 'connector']);
  });

  it.each([
    ['/a/EN16931_Einfach.ubl.xml', 'cii', '/a/EN16931_Einfach.cii.xml'],
    ['/a/x.xml', 'ubl', '/a/x.ubl.xml'],
    ['/a/x.XML', 'facturx', '/a/x.facturx.pdf'],
    ['/a/x.facturx.pdf', 'pdf', '/a/x.pdf'],
    ['/a/x.pdf', 'cii', '/a/x.cii.xml'],
  ] as const)('names the output of %s as %s next to it', (input, to, output) => {
    expect(defaultOutputPath(input, to)).toBe(output);
  });

  it('reads profiles as people type them', () => {
    expect(parseProfile('basicwl')).toBe('BASIC WL');
    expect(parseProfile('en16931')).toBe('EN 16931');
    expect(parseProfile('Extended')).toBe('EXTENDED');
    expect(() => parseProfile('comfort')).toThrow(/unknown Factur-X profile "comfort"/);
  });
});
