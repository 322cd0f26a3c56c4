import fs from 'node:fs';
import path from 'node:path';
import type { Category } from './types';

export const DEFAULT_CATEGORIES_FILE = path.join(__dirname, 'categories.json');

/**
 * The request categories and sub-categories users choose from, and where each is routed. Kept in a
 * JSON file (SUPPORT_CATEGORIES_FILE replaces the default one) so a platform adapts them without code.
 */
export function loadCategories(file = DEFAULT_CATEGORIES_FILE): Category[] {
  let parsed: { categories?: Category[] };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories?: Category[] };
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new Error(`${file}: ${reason}`);
  }
  const { categories } = parsed;
  if (!Array.isArray(categories) || categories.length === 0)
    throw new Error(`${file}: needs a non-empty "categories" list`);
  const codes = new Set<string>();
  for (const c of categories) {
    if (typeof c.code !== 'string' || !c.code || typeof c.label !== 'string')
      throw new Error(`${file}: every category needs a code and a label`);
    if (codes.has(c.code)) throw new Error(`${file}: category ${c.code} appears twice`);
    codes.add(c.code);
    if (!['PLATEFORME', 'SERVICE_ACHETEUR'].includes(c.routing) || !c.subcategories?.length)
      throw new Error(`${file}: category ${c.code} needs a routing and sub-categories`);
  }
  return categories;
}
