import { tolerated } from '../../api/cpro/context';
import { shapeDifferences, emptyLists } from './conformance/shape';

describe('Service mode reads harmless deviations of real clients as meant', () => {
  const schema = {
    type: 'object',
    properties: {
      idFacture: { type: ['integer', 'string'] },
      pieceJointePrincipale: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'integer' } } },
      },
      parametres: {
        type: 'object',
        properties: { nbResultatsParPage: { type: 'integer' }, actif: { type: 'boolean' } },
      },
      montant: { type: 'number' },
      libelle: { type: 'string' },
    },
  };

  it('an empty object where a list is published is absent; items are read by the items schema', () => {
    expect(tolerated(schema, { pieceJointePrincipale: {} })).toEqual({});
    expect(tolerated(schema, { pieceJointePrincipale: [{ id: '7' }] })).toEqual({
      pieceJointePrincipale: [{ id: 7 }],
    });
  });

  it('numbers and booleans sent as text are numbers and booleans; text stays text', () => {
    expect(
      tolerated(schema, {
        parametres: { nbResultatsParPage: ' 20 ', actif: 'true' },
        montant: '12.50',
        libelle: '42',
      }),
    ).toEqual({ parametres: { nbResultatsParPage: 20, actif: true }, montant: 12.5, libelle: '42' });
    // An id published as integer or text is left as sent; words stay words (the schema then refuses them).
    expect(tolerated(schema, { idFacture: '12', montant: 'douze' })).toEqual({
      idFacture: '12',
      montant: 'douze',
    });
  });
});

describe('the conformance shape comparison', () => {
  const shape = {
    codeRetour: 0,
    libelle: '$string',
    'commentaire?': '$string?',
    liste: [{ id: '$integer', date: '$datetime', jour: '$date?' }],
  };

  it('accepts an answer of the published shape', () => {
    const answer = { codeRetour: 0, libelle: 'ok', liste: [{ id: 1, date: '2016-05-24 15:02', jour: null }] };
    expect(shapeDifferences(shape, answer)).toEqual([]);
    expect(emptyLists(shape, answer)).toEqual([]);
  });

  it('names every difference: missing, extra, type, format, exact value, empty list', () => {
    const answer = {
      codeRetour: 20001,
      liste: [{ id: '1', date: '2016-05-24T15:02:00Z', jour: '24/05/2016', statut: 'X' }],
      extra: true,
    };
    expect(shapeDifferences(shape, answer)).toEqual([
      'codeRetour: expected 0, got number',
      'libelle: missing',
      'liste[0].id: expected $integer, got "1"',
      'liste[0].date: expected $datetime, got "2016-05-24T15:02:00Z"',
      'liste[0].jour: expected $date?, got "24/05/2016"',
      'liste[0].statut: not in the published answer',
      'extra: not in the published answer',
    ]);
    expect(emptyLists(shape, { codeRetour: 0, libelle: '', liste: [] })).toEqual(['liste']);
  });
});
