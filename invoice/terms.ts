import { children, XmlElement } from './xml';
import type { Amount, Identifier, Quantity } from './model';

/**
 * Reading helpers shared by the UBL and CII readers. They keep absent (undefined) apart from empty
 * (''), keep code attributes, and count terms that a bad document repeats beyond what the standard
 * allows, so a rule can judge the fragment instead of the reader silently dropping data.
 */
export class TermReader {
  readonly repeated: Record<string, number> = {};

  /** First child named `name`; when there are several, records the count under `term`. */
  one(parent: XmlElement | undefined, name: string, term: string): XmlElement | undefined {
    const found = children(parent, name);
    if (found.length > 1) this.repeated[term] = Math.max(this.repeated[term] ?? 0, found.length);
    return found[0];
  }

  /** Follows a path of single elements; a repeat at any step is counted under `term`. */
  path(parent: XmlElement | undefined, term: string, ...names: string[]): XmlElement | undefined {
    let cur = parent;
    for (const n of names) cur = this.one(cur, n, term);
    return cur;
  }

  text(parent: XmlElement | undefined, term: string, ...names: string[]): string | undefined {
    return textOf(this.path(parent, term, ...names));
  }

  amount(parent: XmlElement | undefined, term: string, ...names: string[]): Amount | undefined {
    return amountOf(this.path(parent, term, ...names));
  }

  quantity(parent: XmlElement | undefined, term: string, ...names: string[]): Quantity | undefined {
    const el = this.path(parent, term, ...names);
    return el ? withoutUndefined({ value: el.text.trim(), unitCode: el.attrs.unitCode }) : undefined;
  }

  identifier(parent: XmlElement | undefined, term: string, ...names: string[]): Identifier | undefined {
    return identifierOf(this.path(parent, term, ...names));
  }

  /** The repeated-term record, or undefined when nothing was repeated. */
  result(): Record<string, number> | undefined {
    return Object.keys(this.repeated).length ? { ...this.repeated } : undefined;
  }
}

export function textOf(el: XmlElement | undefined): string | undefined {
  return el ? el.text.trim() : undefined;
}

export function amountOf(el: XmlElement | undefined): Amount | undefined {
  return el ? withoutUndefined({ value: el.text.trim(), currencyId: el.attrs.currencyID }) : undefined;
}

export function identifierOf(el: XmlElement | undefined): Identifier | undefined {
  return el ? withoutUndefined({ value: el.text.trim(), schemeId: el.attrs.schemeID }) : undefined;
}

/**
 * The object without its keys whose value is undefined, so absent terms are absent keys (deep-equal
 * friendly). A new object rather than `delete`: V8 turns an object that loses a key into a hash table
 * several times its size, and an invoice of 10,000 lines holds tens of thousands of these.
 */
export function withoutUndefined<T extends object>(obj: T): T {
  const keys = Object.keys(obj) as (keyof T)[];
  if (keys.every((key) => obj[key] !== undefined)) return obj;
  const kept = {} as T;
  for (const key of keys) if (obj[key] !== undefined) kept[key] = obj[key];
  return kept;
}

/** An object made only of undefined terms is the same as an absent group. */
export function groupOrUndefined<T extends object>(obj: T): T | undefined {
  const clean = withoutUndefined(obj);
  return Object.values(clean).some((v) => !(Array.isArray(v) && v.length === 0)) ? clean : undefined;
}
