import { decimalSum } from '../../invoice/decimal';
import type { Invoice, PriceDetails } from '../../invoice/model';

/**
 * Removes differences that only the syntax makes, so two models of the same invoice read from UBL and
 * from CII compare deep-equal on business terms:
 * - currencyID: UBL puts it on every amount, CII only on the VAT totals (BT-5/BT-6 decide anyway);
 * - derived values a writer must add because its XSD requires the element: BT-110 as the sum of BT-117,
 *   BT-148 as BT-146 + BT-147, BT-147 as 0 beside a gross price;
 * - CII lists unschemed party identifiers before schemed ones;
 * - the repeated-term counts, which describe the source syntax.
 */
export function normaliseModel(invoice: Invoice): unknown {
  const copy = JSON.parse(JSON.stringify(invoice)) as Invoice;
  delete copy.repeated;
  if (!copy.totals.vatTotal && copy.vatBreakdowns.length) {
    copy.totals.vatTotal = { value: decimalSum(copy.vatBreakdowns.map((b) => b.taxAmount?.value ?? '0')) };
  }
  copy.seller.identifiers.sort((a, b) => Number(a.schemeId !== undefined) - Number(b.schemeId !== undefined));
  for (const line of copy.lines) {
    delete line.repeated;
    if (line.price) normalisePrice(line.price);
  }
  return stripCurrencies(copy);
}

function normalisePrice(p: PriceDetails): void {
  if (p.discount && /^[+-]?0*(\.0*)?$/.test(p.discount.value)) delete p.discount;
  if (p.discount && p.netPrice && !p.grossPrice) {
    p.grossPrice = { value: decimalSum([p.netPrice.value, p.discount.value]) };
  }
}

function stripCurrencies(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripCurrencies);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'currencyId')
        .map(([k, v]) => [k, stripCurrencies(v)]),
    );
  }
  return value;
}

/** Paths (e.g. "lines[2].price.grossPrice.value") where two normalised models differ, with both values. */
export function modelDifferences(
  a: unknown,
  b: unknown,
  sameLeaf: (a: string, b: string) => boolean = (x, y) => x === y,
  path = '',
): string[] {
  if (a === b || (typeof a === 'string' && typeof b === 'string' && sameLeaf(a, b))) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      modelDifferences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        sameLeaf,
        Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
      ),
    );
  }
  return [`${path}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`];
}
