"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.languageOf = languageOf;
/**
 * The language an HTTP client asks for in Accept-Language: English when it prefers `en` to `fr`,
 * French otherwise (also when it names neither, or sends nothing): the platform speaks French.
 */
function languageOf(acceptLanguage) {
    let best = { language: 'fr', q: 0 };
    for (const part of (acceptLanguage ?? '').split(',')) {
        const [tag, ...params] = part.trim().toLowerCase().split(';');
        const language = tag.split('-')[0];
        if (language !== 'fr' && language !== 'en')
            continue;
        const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
        if (q > best.q || (q === best.q && language === 'fr'))
            best = { language, q };
    }
    return best.language;
}
//# sourceMappingURL=language.js.map