import fs from 'node:fs';
import path from 'node:path';

/** Who answers a request: platform support, or the business service of the buyer concerned. */
export type Routing = 'PLATEFORME' | 'SERVICE_ACHETEUR';

export interface Category {
  code: string;
  label: string;
  routing: Routing;
  subcategories: { code: string; label: string }[];
}

export const DEFAULT_CATEGORIES_FILE = path.join(__dirname, 'categories.json');

/**
 * The request categories and sub-categories users choose from, and where each is routed. Kept in a
 * JSON file (SUPPORT_CATEGORIES_FILE replaces the default one) so a platform adapts them without code.
 */
export function loadCategories(file = DEFAULT_CATEGORIES_FILE): Category[] {
  const { categories } = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories: Category[] };
  for (const c of categories)
    if (!['PLATEFORME', 'SERVICE_ACHETEUR'].includes(c.routing) || !c.subcategories?.length)
      throw new Error(`${file}: category ${c.code} needs a routing and sub-categories`);
  return categories;
}
