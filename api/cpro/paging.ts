/** The platform's pagination: asked as {pageResultatDemandee, nbResultatsParPage}, answered as parametresRetour. */
export interface PageRequest {
  pageResultatDemandee?: number;
  nbResultatsParPage?: number;
}

export const pageRequestSchema = {
  type: 'object',
  properties: {
    pageResultatDemandee: { type: 'integer', minimum: 1 },
    nbResultatsParPage: { type: 'integer', minimum: 1 },
    triColonne: { type: 'string' },
    triSens: { type: 'string' },
  },
} as const;

export const pageAnswerSchema = {
  type: 'object',
  required: ['total', 'pageCourante', 'pages', 'nbResultatsParPage'],
  properties: {
    total: { type: 'integer' },
    pageCourante: { type: 'integer' },
    pages: { type: 'integer' },
    nbResultatsParPage: { type: 'integer' },
  },
} as const;

/** One page of `items`, with the parametresRetour that describes it. */
export function pageOf<T>(items: T[], asked: PageRequest | undefined) {
  const page = Math.max(1, Math.trunc(asked?.pageResultatDemandee ?? 1));
  // Clients ask for up to 10,000 at once (Odoo's list of services).
  const size = Math.min(10_000, Math.max(1, Math.trunc(asked?.nbResultatsParPage ?? 100)));
  return {
    items: items.slice((page - 1) * size, page * size),
    parametresRetour: {
      total: items.length,
      pageCourante: page,
      pages: Math.max(1, Math.ceil(items.length / size)),
      nbResultatsParPage: size,
    },
  };
}
