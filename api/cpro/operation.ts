import type { Request } from 'express';
import type { AppDeps } from '../app';
import type { CproContext } from './context';

/** A checked request body: its fields are read by name, with the types its schema checked. */
export type CproBody = Record<string, unknown>;

/**
 * One operation of the published catalogue: the router serves it, the OpenAPI document describes it and
 * the conformance suite replays it, all from this one declaration.
 */
export interface CproOperation {
  /** Path under the group, as published: `/consulter/historique`. */
  path: string;
  /** GET for the few read-only operations published as such; POST otherwise. */
  method?: 'get' | 'post';
  /** One line for the OpenAPI document. */
  summary: string;
  /** JSON schema of the request body (checked before `run`), absent when the operation takes none. */
  request?: object;
  /** JSON schema of the success answer (codeRetour 0), as published. */
  answer: object;
  run: (deps: AppDeps, body: CproBody, ctx: CproContext, req: Request) => Promise<object>;
  /**
   * The answer is sent as `run` returns it, without codeRetour and libelle (health-check, published as
   * the platform's gateway answers it).
   */
  bare?: boolean;
}

/** The operations of one group (`factures`, `structures`, `transverses`, `utilisateurs`). */
export interface CproGroup {
  name: 'factures' | 'structures' | 'transverses' | 'utilisateurs';
  operations: CproOperation[];
}
