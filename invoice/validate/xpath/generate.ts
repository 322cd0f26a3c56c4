import type { Ast } from './ast';
import type { Namespaces } from './axes';
import { filtered, startOf, type ChildStep } from './child-path';
import {
  compilePredicate,
  compileTest,
  compileXPathAst,
  hasNames,
  memoisedPredicate,
  nameCheck,
  neverNumeric,
  type Test,
} from './compile';
import { FUNCTIONS, stringOf } from './functions';
import { arithmetic, generalCompare, generalCompareAtomic, valueCompare } from './ops';
import { simplifySteps, usesVariables } from './steps';
import { AttrNode, DocNode, ebv, isNode, XPathError } from './values';
import { sortNodes } from './axes';

/**
 * Rule tests as plain JavaScript. The XPath trees the interpreter (`compile.ts`) turns into closures
 * are turned here into the source of one JavaScript function per test, in one module per schema, so
 * V8 compiles and inlines the tests like hand-written code: `and`/`or`/`not` become `&&`/`||`/`!`,
 * child paths become nested loops over `children`, code lists a `Set` lookup. Any construct the
 * generator does not write out (quantifiers, `for`, casts, other axes, positional predicates, …) is
 * left to the interpreter: its closure is called from the generated code and counted as a fallback.
 * The interpreter stays the reference: the findings of both must be identical (test/invoice/
 * compiled-rules.test.ts).
 */

/** What the generated code reaches outside itself. */
const HELPERS = {
  startOf,
  filtered,
  hasNames,
  stringOf,
  ebv,
  generalCompare,
  generalCompareAtomic,
  valueCompare,
  arithmetic,
  memoisedPredicate,
  sortNodes,
  isNode,
  DocNode,
  AttrNode,
  TRUE: [true],
  FALSE: [false],
  EMPTY: [],
  XPathError,
};

export interface GeneratedSchema {
  /** The module's source: `(H, K) => [test0, test1, …]`. */
  source: string;
  /** Constants the source reads as `K[i]` (names to check, literal values, interpreter closures). */
  constants: unknown[];
  /** Sub-expressions left to the interpreter. */
  fallbacks: number;
  /** The kinds of those sub-expressions, with their counts. */
  fallbackKinds: Record<string, number>;
}

class Generator {
  readonly decls: string[] = [];
  readonly constants: unknown[] = [];
  fallbacks = 0;
  readonly fallbackKinds: Record<string, number> = {};
  private count = 0;
  private readonly constIndex = new Map<unknown, number>();

  constructor(private readonly ns: Namespaces) {}

  konst(value: unknown): string {
    let i = this.constIndex.get(value);
    if (i === undefined) {
      i = this.constants.push(value) - 1;
      if (typeof value === 'string' || typeof value === 'number') this.constIndex.set(value, i);
    }
    return `K[${i}]`;
  }

  name(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  private fallback(ast: Ast, kind: string, value: boolean): string {
    this.fallbacks++;
    this.fallbackKinds[kind] = (this.fallbackKinds[kind] ?? 0) + 1;
    const closure = value ? compileXPathAst(ast, this.ns) : compileTest(ast, this.ns);
    return `${this.konst(closure)}(ctx)`;
  }

  /** A boolean JavaScript expression of `ctx`: the effective boolean value of `ast`. */
  test(ast: Ast): string {
    switch (ast.k) {
      case 'and':
        return `(${this.test(ast.l)} && ${this.test(ast.r)})`;
      case 'or':
        return `(${this.test(ast.l)} || ${this.test(ast.r)})`;
      case 'general': {
        const l = this.value(ast.l);
        if (ast.r.k === 'literal')
          return `H.generalCompareAtomic(${JSON.stringify(ast.op)}, ${l}, ${this.konst([ast.r.v])})`;
        return `H.generalCompare(${JSON.stringify(ast.op)}, ${l}, ${this.value(ast.r)})`;
      }
      case 'value':
        return `(H.valueCompare(${JSON.stringify(ast.op)}, ${this.value(ast.l)}, ${this.value(ast.r)}) === true)`;
      case 'axis':
      case 'path':
        if (neverNumeric(ast)) return this.exists(ast);
        break;
      case 'call': {
        const [arg] = ast.args;
        if (ast.args.length === 0 && (ast.name === 'true' || ast.name === 'false')) return ast.name;
        if (ast.args.length !== 1) break;
        if (ast.name === 'not') {
          if ((arg.k === 'axis' || arg.k === 'path') && neverNumeric(arg)) return `!${this.exists(arg)}`;
          if (arg.k === 'call' && arg.name === 'exists' && arg.args.length === 1)
            return `!${this.exists(arg.args[0])}`;
          return `!${this.test(arg)}`;
        }
        if (ast.name === 'boolean') return this.test(arg);
        if (ast.name === 'exists') return this.exists(arg);
        if (ast.name === 'empty') return `!${this.exists(arg)}`;
        break;
      }
    }
    if (ast.k === 'call' && ast.name === 'contains' && codeListArg(ast)) return this.codeList(ast);
    return `H.ebv(${this.value(ast)})`;
  }

  /** Whether a node sequence is not empty, stopping at the first node for child paths. */
  private exists(ast: Ast): string {
    const steps = this.childSteps(ast.k === 'path' ? ast.steps : [ast]);
    if (!steps) return `(${this.value(ast)}.length > 0)`;
    const check = nameCheck(ast.k === 'path' ? ast.steps : [ast], this.ns);
    const fn = this.name('e');
    this.decls.push(`function ${fn}(ctx) {\n${this.walk(steps, 'ctx.item', true)}\n  return false;\n}`);
    return check ? `(H.hasNames(${this.konst(check)}, ctx.document) && ${fn}(ctx))` : `${fn}(ctx)`;
  }

  /** A sequence-valued JavaScript expression of `ctx`. */
  value(ast: Ast): string {
    switch (ast.k) {
      case 'literal':
        return this.konst([ast.v]);
      case 'context':
        return '[ctx.item]';
      case 'or':
      case 'and':
      case 'general':
        return `(${this.test(ast)} ? H.TRUE : H.FALSE)`;
      case 'arith':
        return `H.arithmetic(${JSON.stringify(ast.op)}, ${this.value(ast.l)}, ${this.value(ast.r)})`;
      case 'if':
        return `(${this.test(ast.cond)} ? ${this.value(ast.then)} : ${this.value(ast.else)})`;
      case 'call':
        return this.call(ast) ?? this.fallback(ast, `call ${ast.name}`, true);
      case 'axis':
        if (ast.axis === 'child') return this.childPath([ast], false) ?? this.fallback(ast, 'axis', true);
        if (plainAttribute(ast)) return this.attributes([], ast, false);
        return this.fallback(ast, `axis ${ast.axis}`, true);
      case 'path': {
        if (ast.steps[0].k === 'root') return this.fallback(ast, 'absolute path', true);
        const steps = simplifySteps(ast.steps);
        const generated = this.childPath(steps, true);
        if (generated) return generated;
        const last = steps[steps.length - 1];
        if (steps.length > 1 && plainAttribute(last)) return this.attributes(steps, last, true);
        return this.fallback(ast, 'path', true);
      }
      default:
        return this.fallback(ast, ast.k, true);
    }
  }

  private call(ast: Extract<Ast, { k: 'call' }>): string | undefined {
    if (ast.args.length === 0 && (ast.name === 'last' || ast.name === 'position')) return undefined;
    const fn = FUNCTIONS[ast.name];
    if (!fn) return undefined;
    if (ast.name === 'contains' && codeListArg(ast)) return `(${this.codeList(ast)} ? H.TRUE : H.FALSE)`;
    if (ast.args.length === 1 && ['not', 'exists', 'empty', 'boolean'].includes(ast.name))
      return `(${this.test(ast)} ? H.TRUE : H.FALSE)`;
    return `${this.konst(fn)}([${ast.args.map((a) => this.value(a)).join(', ')}], ctx.item)`;
  }

  /** `contains(' AED AFN … ', needle)`: a set lookup for one space-delimited code (see compile.ts). */
  private codeList(ast: Extract<Ast, { k: 'call' }>): string {
    const list = (ast.args[0] as { v: string }).v;
    const fn = this.name('c');
    const tokens = this.konst(new Set(list.split(' ')));
    const text = this.konst(list);
    this.decls.push(
      `function ${fn}(ctx) {\n  const s = H.stringOf(${this.value(ast.args[1])});\n` +
        `  const last = s.length - 1;\n` +
        `  if (last >= 2 && s.charCodeAt(0) === 32 && s.charCodeAt(last) === 32) {\n` +
        `    const code = s.slice(1, last);\n    if (!code.includes(' ')) return ${tokens}.has(code);\n  }\n` +
        `  return ${text}.includes(s);\n}`,
    );
    return `${fn}(ctx)`;
  }

  /** A relative child path's nodes, in document order (a depth-first walk is). */
  private childPath(steps: Ast[], checked: boolean): string | undefined {
    const child = this.childSteps(steps);
    if (!child) return undefined;
    // A lone step is walked as it is; a path first checks that its names occur (as compile.ts does).
    const check = checked ? nameCheck(steps, this.ns) : undefined;
    const fn = this.name('p');
    this.decls.push(
      `function ${fn}(ctx) {\n  const out = [];\n${this.walk(child, 'ctx.item', false)}\n  return out;\n}`,
    );
    return check ? `(H.hasNames(${this.konst(check)}, ctx.document) ? ${fn}(ctx) : H.EMPTY)` : `${fn}(ctx)`;
  }

  /**
   * `@name`, or child steps then `@name` (`cbc:Amount/@currencyID`): the attributes an unprefixed
   * name matches (also `p:name`, as compile.ts's `attributesNamed`), in document order.
   */
  private attributes(steps: Ast[], attribute: Ast, checked: boolean): string {
    const owners = steps.slice(0, -1);
    const child = owners.length ? this.childSteps(owners) : [];
    if (!child) return this.fallback({ k: 'path', steps }, 'path', true);
    const local = (attribute as { test: { local: string } }).test.local;
    const check = checked ? nameCheck(steps, this.ns) : undefined;
    const fn = this.name('a');
    const collect =
      `    for (const q in el.attrs) {\n` +
      `      if (q === ${JSON.stringify(local)} || q.endsWith(${JSON.stringify(`:${local}`)})) ` +
      `out.push(new H.AttrNode(el, q, el.attrs[q]));\n    }`;
    const body = child.length
      ? `  const els = [];\n${this.walk(child, 'ctx.item', false).replace(/out\.push/, 'els.push')}\n` +
        `  const out = [];\n  for (const el of els) {\n${collect}\n  }\n` +
        `  return out.length > 1 ? H.sortNodes(out, ctx.document) : out;`
      : `  const el = ctx.item;\n` +
        `  if (!H.isNode(el)) throw new H.XPathError('path step on an atomic value');\n` +
        `  if (el instanceof H.DocNode || el instanceof H.AttrNode) return H.EMPTY;\n` +
        `  const out = [];\n  {\n${collect}\n  }\n  return out;`;
    this.decls.push(`function ${fn}(ctx) {\n${body}\n}`);
    return check ? `(H.hasNames(${this.konst(check)}, ctx.document) ? ${fn}(ctx) : H.EMPTY)` : `${fn}(ctx)`;
  }

  /** The nested loops of a child path: `return true` at the first node, or push every node to `out`. */
  private walk(steps: GenStep[], from: string, exists: boolean): string {
    const lines = [`  const s0 = H.startOf(${from});`];
    let indent = '  ';
    steps.forEach((step, i) => {
      const list = i === 0 ? 's0' : `n${i - 1}.children`;
      const l = `l${i}`;
      lines.push(
        step.preds
          ? `${indent}const ${l} = H.filtered(${list}, ${step.preds}, ctx);`
          : `${indent}const ${l} = ${list};`,
      );
      lines.push(`${indent}for (let i${i} = 0; i${i} < ${l}.length; i${i}++) {`);
      lines.push(`${indent}  const n${i} = ${l}[i${i}];`);
      if (!step.preds) {
        const conds = [
          step.local === undefined ? undefined : `n${i}.name !== ${JSON.stringify(step.local)}`,
          step.uri === undefined ? undefined : `n${i}.ns !== ${JSON.stringify(step.uri)}`,
        ].filter(Boolean);
        if (conds.length) lines.push(`${indent}  if (${conds.join(' || ')}) continue;`);
      }
      indent += '  ';
    });
    lines.push(`${indent}${exists ? 'return true;' : `out.push(n${steps.length - 1});`}`);
    for (let i = steps.length - 1; i >= 0; i--) {
      indent = indent.slice(2);
      lines.push(`${indent}}`);
    }
    return lines.join('\n');
  }

  /** The child steps of a path made of nothing else (as `childSteps` in compile.ts), or undefined. */
  private childSteps(steps: Ast[]): GenStep[] | undefined {
    const out: GenStep[] = [];
    for (const step of steps) {
      if (step.k !== 'axis' || step.axis !== 'child') return undefined;
      const { test } = step;
      let uri: string | undefined;
      let local: string | undefined;
      if (test.kind === 'name') {
        uri = test.prefix ? this.ns[test.prefix] : '';
        if (uri === undefined) throw new XPathError(`undeclared namespace prefix "${test.prefix}"`);
        local = test.local === '*' ? undefined : test.local;
      }
      let preds: string | undefined;
      if (step.preds.length) {
        const childStep: ChildStep = { uri, local, preds: step.preds.map((p) => this.predicate(p)) };
        preds = this.konst(childStep);
      }
      out.push({ uri, local, preds });
    }
    return out;
  }

  /** A predicate: generated when it filters by truth (memoised per element as compile.ts does). */
  private predicate(ast: Ast): Test {
    if (!neverNumeric(ast)) {
      this.fallbacks++;
      this.fallbackKinds['positional predicate'] = (this.fallbackKinds['positional predicate'] ?? 0) + 1;
      return compilePredicate(ast, this.ns);
    }
    const test = this.standalone(ast);
    return usesVariables(ast) ? test : memoisedPredicate(test, JSON.stringify([ast, this.ns]));
  }

  /** A test as a function of its own, for the places that take a `Test` value (predicates). */
  private standalone(ast: Ast): Test {
    const fn = this.name('t');
    const slot: { test?: Test } = {};
    this.decls.push(`function ${fn}(ctx) {\n  return ${this.test(ast)};\n}`);
    this.late.push({ fn, slot });
    return (ctx) => slot.test!(ctx);
  }

  /** Functions the constants refer to, bound once the module is evaluated. */
  readonly late: { fn: string; slot: { test?: Test } }[] = [];
}

interface GenStep {
  uri: string | undefined;
  local: string | undefined;
  /** The constant holding the step with its predicates, when it has any. */
  preds: string | undefined;
}

function plainAttribute(step: Ast): boolean {
  return (
    step.k === 'axis' &&
    step.axis === 'attribute' &&
    step.preds.length === 0 &&
    step.test.kind === 'name' &&
    !step.test.prefix
  );
}

function codeListArg(ast: Extract<Ast, { k: 'call' }>): boolean {
  const [first] = ast.args;
  return ast.args.length === 2 && first.k === 'literal' && typeof first.v === 'string';
}

/** The source of the tests of one schema, and what it needs. */
export function generateTests(tests: Ast[], ns: Namespaces): GeneratedSchema & { late: Generator['late'] } {
  const gen = new Generator(ns);
  const names = tests.map((ast) => {
    const fn = gen.name('r');
    gen.decls.push(`function ${fn}(ctx) {\n  return ${gen.test(ast)};\n}`);
    return fn;
  });
  const late = gen.late.map((l, i) => `  L[${i}].test = ${l.fn};`).join('\n');
  const source =
    `'use strict';\n${gen.decls.join('\n')}\n` +
    `return function bind(L) {\n${late}\n  return [${names.join(', ')}];\n};\n`;
  return {
    source,
    constants: gen.constants,
    fallbacks: gen.fallbacks,
    fallbackKinds: gen.fallbackKinds,
    late: gen.late,
  };
}

/** Evaluates a generated module: one `new Function` per schema, the tests in schema order. */
export function loadGeneratedTests(generated: ReturnType<typeof generateTests>): Test[] {
  const factory = new Function('H', 'K', generated.source) as (
    h: typeof HELPERS,
    k: unknown[],
  ) => (late: { test?: Test }[]) => Test[];
  return factory(HELPERS, generated.constants)(generated.late.map((l) => l.slot));
}
