import fs from 'node:fs';
import path from 'node:path';
import type { Link } from './types';

/** One section of an article: what the assistant answers with. */
export interface Passage {
  /** `<article>#<n>`: unique in the knowledge base. */
  id: string;
  article: string;
  title: string;
  heading?: string;
  text: string;
  keywords: string;
  links: Link[];
  /** Generated from the rule catalogue: passages matched by rule id rather than by wording. */
  generated: boolean;
}

export const KB_DIR = path.join(__dirname, 'kb');

/**
 * The knowledge base: every Markdown article under support/kb (generated/ included), cut into
 * passages at its `## ` headings. An article opens with a front matter giving its title, the
 * keywords users say instead of the article's own words, and its links (`label|href`, comma separated).
 */
export function loadKnowledgeBase(dir = KB_DIR): Passage[] {
  return markdownFiles(dir).flatMap((file) => {
    const article = path.basename(file, '.md');
    return parseArticle(
      article,
      fs.readFileSync(file, 'utf8'),
      path.basename(path.dirname(file)) === 'generated',
    );
  });
}

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.md'))
    .sort();
}

export function parseArticle(article: string, source: string, generated = false): Passage[] {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!front) throw new Error(`support/kb article ${article} has no front matter`);
  const meta = Object.fromEntries(
    front[1].split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
  if (!meta.title) throw new Error(`support/kb article ${article} has no title`);
  const links: Link[] = (meta.links ?? '')
    .split(',')
    .filter(Boolean)
    .map((l: string) => {
      const [label, href] = l.split('|').map((s) => s.trim());
      return { label, href };
    });
  const body = source.slice(front[0].length).replace(/<!--[\s\S]*?-->\n?/g, '');
  return body.split(/^## /m).flatMap((chunk, n) => {
    const heading = n === 0 ? undefined : chunk.slice(0, chunk.indexOf('\n')).trim();
    const text = (n === 0 ? chunk : chunk.slice(chunk.indexOf('\n') + 1)).replace(/\s+/g, ' ').trim();
    if (!text) return [];
    return [
      {
        id: `${article}#${n}`,
        article,
        title: meta.title,
        heading,
        text,
        // A generated article's keywords describe it as a whole: only its introduction carries them.
        keywords: generated && n > 0 ? '' : (meta.keywords ?? ''),
        links,
        generated,
      },
    ];
  });
}
