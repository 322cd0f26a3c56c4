import type { Ast } from './ast';
import { sortNodes, type Namespaces } from './axes';
import { filtered, startOf, type ChildStep } from './child-path';
import { compilePredicate, compileXPathAst, hasNames, nameCheck, neverNumeric, type Ctx } from './compile';
import { FUNCTIONS, stringOf } from './functions';
import { arithmetic, generalCompare, generalCompareAtomic, negate, valueCompare } from './ops';
import { simplifySteps } from './steps';
import { AttrNode, DocNode, ebv, isNode, type Item, type Seq, XPathError, type XNode } from './values';

/**
 * Rule tests as plain JavaScript. The XPath trees the interpreter (`compile.ts`) turns into closures
 * are turned here into JavaScript functions, one module per schema. Expressions become statements:
 * `and`/`or`/`not` branches, child paths nested loops over `children` with their filtering
 * predicates inline, leading `..` steps parent links, `@name` a loop over `attrs`, a function step
 * (`cbc:ID/normalize-space()`) a call per node, code lists a `Set` lookup. Whatever is not written
 * out (absolute paths, whose prefixes the interpreter memoises per document, other axes, unions,
 * quantifiers, …) is left to the interpreter's closure for that sub-expression, counted as a fallback.
 *
 * One function per test would mostly run unoptimised: V8 optimises a function after some hundreds of
 * calls, and a rule's test runs a few times per document. So the function is generated per shape of
 * test, its names, literals and closures taken out as parameters: the hundreds of tests written alike
 * (`not(cac:A/cbc:B)`) share one function, and one loop shared by every rule calls them.
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
  negate,
  sortNodes,
  isNode,
  DocNode,
  AttrNode,
  TRUE: [true],
  FALSE: [false],
  EMPTY: [],
  XPathError,
  parentOf,
  variable,
  failed,
  ordered,
};

/** `..` from an item: [] above the document node, an error on an atomic value. */
function parentOf(item: Item, document: Ctx['document']): XNode | undefined {
  if (!isNode(item)) throw new XPathError('path step on an atomic value');
  if (item instanceof DocNode) return undefined;
  if (item instanceof AttrNode) return item.parent;
  return item.parent ?? document.doc;
}

function variable(vars: Record<string, Seq>, name: string): Seq {
  const v = vars[name];
  if (!v) throw new XPathError(`unbound variable $${name}`);
  return v;
}

/** A dynamic error in a test: the assert is reported as stopped; anything else is not ours to catch. */
function failed(err: unknown): void {
  if (!(err instanceof XPathError)) throw err;
}

/** Results of a step applied to several nodes: in document order when they are nodes (as applySteps). */
function ordered(out: Item[], contexts: number, document: Ctx['document']): Item[] {
  return contexts > 1 && out.length > 1 && out.every(isNode) ? sortNodes(out as XNode[], document) : out;
}

/**
 * A rule's asserts on one context node: pushes the index `i` of each assert that is violated, or
 * `~i` when its test stopped with a dynamic error, in assert order.
 */
export type RuleRun = (ctx: Ctx, violations: number[]) => void;

export interface GeneratedRules {
  /** The module's source: `(H) => [shape0, shape1, …]`, a function per shape of test. */
  source: string;
  /** Per rule, per assert: the function of its shape and the values it passes it. */
  tests: GeneratedTest[][];
  /** Per rule, per assert: whether it is a report. */
  reports: boolean[][];
  /** How many functions the tests share (one per shape). */
  functions: number;
  /** Sub-expressions left to the interpreter. */
  fallbacks: number;
  /** The kinds of those sub-expressions, with their counts. */
  fallbackKinds: Record<string, number>;
}

interface GeneratedTest {
  shape: number;
  /** What the shape's function reads as `P[i]`: names, literals, closures of the interpreter. */
  params: unknown[];
}

/** A rule to generate: its tests, and whether each is a report (fires when the test holds). */
export interface RuleSource {
  tests: Ast[];
  reports: boolean[];
}

/** Where an expression is evaluated: the JavaScript holding the context item, and its `Ctx`. */
interface Scope {
  item: string;
  /** The Ctx variable: `ctx` for the rule's context node, declared on first use in a nested scope. */
  ctx?: string;
  /** The line reserved for that declaration. */
  slot?: number;
  indent?: string;
}

class Generator {
  readonly decls: string[] = [];
  fallbacks = 0;
  readonly fallbackKinds: Record<string, number> = {};
  private count = 0;
  private params: unknown[] = [];
  private readonly shapes = new Map<string, number>();
  private lines: string[] = [];
  private indent = '  ';

  constructor(private readonly ns: Namespaces) {}

  /** A value the test being generated reads as `P[i]`: its own constants, so tests of one shape share code. */
  konst(value: unknown): string {
    let i = this.params.indexOf(value);
    if (i < 0) i = this.params.push(value) - 1;
    return `P[${i}]`;
  }

  private v(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  private emit(line: string): void {
    this.lines.push(this.indent + line);
  }

  private open(line: string): void {
    this.emit(line);
    this.indent += '  ';
  }

  private close(line = '}'): void {
    this.indent = this.indent.slice(2);
    this.emit(line);
  }

  /** A constant holding the value of a JavaScript expression evaluated here. */
  private let(prefix: string, expr: string): string {
    const name = this.v(prefix);
    this.emit(`const ${name} = ${expr};`);
    return name;
  }

  /** A test as the function of its shape (shared with every test written alike) and its parameters. */
  shape(ast: Ast): GeneratedTest {
    this.lines = [];
    this.indent = '  ';
    this.count = 0;
    this.params = [];
    const t = this.test(ast, { item: 'ctx.item', ctx: 'ctx' });
    const body = this.lines.filter((l) => l.trim() !== '').join('\n');
    const text = `(ctx, D, P) {\n${body}${body ? '\n' : ''}  return ${t};\n}`;
    let shape = this.shapes.get(text);
    if (shape === undefined) {
      shape = this.shapes.size;
      this.shapes.set(text, shape);
      this.decls.push(`function t${shape}${text}`);
    }
    return { shape, params: this.params };
  }

  private fallback(ast: Ast, kind: string, sc: Scope): string {
    this.fallbacks++;
    this.fallbackKinds[kind] = (this.fallbackKinds[kind] ?? 0) + 1;
    return this.let('f', `${this.konst(compileXPathAst(ast, this.ns))}(${this.ctxOf(sc)})`);
  }

  /** The scope's Ctx, declared where the scope starts the first time a fallback needs it. */
  private ctxOf(sc: Scope): string {
    if (sc.ctx) return sc.ctx;
    sc.ctx = this.v('c');
    this.lines[sc.slot!] =
      `${sc.indent}const ${sc.ctx} = { item: ${sc.item}, pos: 1, size: 1, vars: ctx.vars, document: D };`;
    return sc.ctx;
  }

  /** A nested scope for the node in `item`, its Ctx declared on demand at this line. */
  private scope(item: string): Scope {
    this.lines.push('');
    return { item, slot: this.lines.length - 1, indent: this.indent };
  }

  /** A boolean JavaScript expression, to be used at once: the effective boolean value of `ast`. */
  test(ast: Ast, sc: Scope): string {
    switch (ast.k) {
      case 'and':
      case 'or': {
        const t = this.v('t');
        this.emit(`let ${t} = ${this.test(ast.l, sc)};`);
        this.open(ast.k === 'and' ? `if (${t}) {` : `if (!${t}) {`);
        this.emit(`${t} = ${this.test(ast.r, sc)};`);
        this.close();
        return t;
      }
      case 'general': {
        const l = this.value(ast.l, sc);
        if (ast.r.k === 'literal')
          return `H.generalCompareAtomic(${JSON.stringify(ast.op)}, ${l}, ${this.konst([ast.r.v])})`;
        const r = this.value(ast.r, sc);
        return `H.generalCompare(${JSON.stringify(ast.op)}, ${l}, ${r})`;
      }
      case 'value': {
        const l = this.value(ast.l, sc);
        const r = this.value(ast.r, sc);
        return `(H.valueCompare(${JSON.stringify(ast.op)}, ${l}, ${r}) === true)`;
      }
      case 'axis':
      case 'path':
        if (neverNumeric(ast)) return this.exists(ast, sc);
        break;
      case 'call': {
        const [arg] = ast.args;
        if (ast.args.length === 0 && (ast.name === 'true' || ast.name === 'false')) return ast.name;
        if (ast.args.length === 2 && ast.name === 'contains' && codeListArg(ast))
          return this.codeList(ast, sc);
        if (ast.args.length !== 1) break;
        if (ast.name === 'not') return `!${this.test(arg, sc)}`;
        if (ast.name === 'boolean') return this.test(arg, sc);
        if (ast.name === 'exists') return this.exists(arg, sc);
        if (ast.name === 'empty') return `!${this.exists(arg, sc)}`;
        break;
      }
    }
    return `H.ebv(${this.value(ast, sc)})`;
  }

  /**
   * Whether a node sequence is not empty, stopping at the first node of a path walked here (where
   * the interpreter stops too: predicates are still applied to every sibling first).
   */
  private exists(ast: Ast, sc: Scope): string {
    const path = this.relativePath(ast);
    if (!path || path.last || path.attribute !== undefined) return `(${this.value(ast, sc)}.length > 0)`;
    const t = this.v('t');
    const label = this.v('L');
    this.emit(`let ${t} = false;`);
    this.open(path.check ? `${label}: if (H.hasNames(${this.konst(path.check)}, D)) {` : `${label}: {`);
    this.walk(path, sc, () => this.emit(`${t} = true; break ${label};`));
    this.close();
    return t;
  }

  /** A sequence held in a JavaScript constant (or a constant expression): the value of `ast`. */
  value(ast: Ast, sc: Scope): string {
    switch (ast.k) {
      case 'literal':
        return this.konst([ast.v]);
      case 'context':
        return this.let('v', `[${sc.item}]`);
      case 'var':
        return this.let('v', `H.variable(ctx.vars, ${JSON.stringify(ast.name)})`);
      case 'or':
      case 'and':
      case 'general':
        return this.let('v', `(${this.test(ast, sc)} ? H.TRUE : H.FALSE)`);
      case 'value': {
        const l = this.value(ast.l, sc);
        const r = this.value(ast.r, sc);
        const c = this.let('b', `H.valueCompare(${JSON.stringify(ast.op)}, ${l}, ${r})`);
        return this.let('v', `(${c} === undefined ? H.EMPTY : ${c} ? H.TRUE : H.FALSE)`);
      }
      case 'arith': {
        const l = this.value(ast.l, sc);
        const r = this.value(ast.r, sc);
        return this.let('v', `H.arithmetic(${JSON.stringify(ast.op)}, ${l}, ${r})`);
      }
      case 'negate':
        return this.let('v', `H.negate(${this.value(ast.e, sc)})`);
      case 'if': {
        const v = this.v('v');
        this.emit(`let ${v};`);
        this.open(`if (${this.test(ast.cond, sc)}) {`);
        this.emit(`${v} = ${this.value(ast.then, sc)};`);
        this.close('} else {');
        this.indent += '  ';
        this.emit(`${v} = ${this.value(ast.else, sc)};`);
        this.close();
        return v;
      }
      case 'call':
        return this.call(ast, sc) ?? this.fallback(ast, `call ${ast.name}`, sc);
      case 'axis':
      case 'path':
        return (
          this.pathValue(ast, sc) ?? this.fallback(ast, ast.k === 'axis' ? `axis ${ast.axis}` : 'path', sc)
        );
      default:
        return this.fallback(ast, ast.k, sc);
    }
  }

  private call(ast: Extract<Ast, { k: 'call' }>, sc: Scope): string | undefined {
    if (ast.args.length === 0 && (ast.name === 'last' || ast.name === 'position')) return undefined;
    const fn = FUNCTIONS[ast.name];
    if (!fn) return undefined;
    if (
      (ast.name === 'contains' && codeListArg(ast)) ||
      (ast.args.length === 1 && ['not', 'exists', 'empty', 'boolean'].includes(ast.name))
    )
      return this.let('v', `(${this.test(ast, sc)} ? H.TRUE : H.FALSE)`);
    const args = ast.args.map((a) => this.value(a, sc));
    return this.let('v', `${this.konst(fn)}([${args.join(', ')}], ${sc.item})`);
  }

  /** `contains(' AED AFN … ', needle)`: a set lookup for one space-delimited code (see compile.ts). */
  private codeList(ast: Extract<Ast, { k: 'call' }>, sc: Scope): string {
    const list = (ast.args[0] as { v: string }).v;
    const tokens = this.konst(new Set(list.split(' ')));
    const text = this.konst(list);
    const s = this.let('s', `H.stringOf(${this.value(ast.args[1], sc)})`);
    const t = this.v('t');
    this.emit(`let ${t};`);
    this.open(
      `if (${s}.length > 2 && ${s}.charCodeAt(0) === 32 && ${s}.charCodeAt(${s}.length - 1) === 32) {`,
    );
    this.emit(`const code = ${s}.slice(1, ${s}.length - 1);`);
    this.emit(`${t} = code.includes(' ') ? ${text}.includes(${s}) : ${tokens}.has(code);`);
    this.close(`} else ${t} = ${text}.includes(${s});`);
    return t;
  }

  /**
   * The relative paths written out: `..` steps first, then child steps (predicates inline when they
   * only filter), then optionally one `@name` or one expression evaluated on each node
   * (`cbc:ID/normalize-space()`).
   */
  private relativePath(ast: Ast): GenPath | undefined {
    if (ast.k !== 'axis' && ast.k !== 'path') return undefined;
    if (ast.k === 'path' && ast.steps[0].k === 'root') return undefined;
    const steps = ast.k === 'path' ? simplifySteps(ast.steps) : [ast];
    let up = 0;
    while (up < steps.length && parentStep(steps[up])) up++;
    const children: GenStep[] = [];
    let i = up;
    for (; i < steps.length; i++) {
      const step = steps[i];
      if (step.k !== 'axis' || step.axis !== 'child') break;
      const { test } = step;
      let uri: string | undefined;
      let local: string | undefined;
      if (test.kind === 'name') {
        uri = test.prefix ? this.ns[test.prefix] : '';
        if (uri === undefined) throw new XPathError(`undeclared namespace prefix "${test.prefix}"`);
        local = test.local === '*' ? undefined : test.local;
      }
      const inline = step.preds.every((p) => neverNumeric(p) && !usesPosition(p));
      children.push({
        uri,
        local,
        preds: inline ? step.preds : [],
        filter: inline
          ? undefined
          : this.konst({
              uri,
              local,
              preds: step.preds.map((p) => compilePredicate(p, this.ns)),
            } as ChildStep),
      });
    }
    const rest = steps.slice(i);
    let attribute: string | undefined;
    let last: Ast | undefined;
    if (rest.length === 1 && plainAttribute(rest[0]) && (i > 0 || steps.length === 1)) {
      attribute = (rest[0] as { test: { local: string } }).test.local;
    } else if (rest.length === 1 && i > 0 && finalExpression(rest[0])) {
      last = rest[0];
    } else if (rest.length > 0) return undefined;
    const check = ast.k === 'path' ? nameCheck(steps, this.ns) : undefined;
    return { up, children, attribute, last, check };
  }

  /** A path's value, or undefined when it is not one of the paths written out. */
  private pathValue(ast: Ast, sc: Scope): string | undefined {
    const path = this.relativePath(ast);
    if (!path) return undefined;
    const out = this.v('v');
    const contexts = path.last ? this.v('k') : undefined;
    this.emit(`let ${out} = H.EMPTY;`);
    this.open(path.check ? `if (H.hasNames(${this.konst(path.check)}, D)) {` : '{');
    this.emit(`${out} = [];`);
    if (contexts) this.emit(`let ${contexts} = 0;`);
    this.walk(path, sc, (node) => {
      if (path.attribute !== undefined) {
        const local = path.attribute;
        if (path.up === 0 && path.children.length === 0) {
          this.emit(`if (!H.isNode(${node})) throw new H.XPathError('path step on an atomic value');`);
          this.open(`if (!(${node} instanceof H.DocNode || ${node} instanceof H.AttrNode)) {`);
        } else this.open('{');
        this.open(`for (const q in ${node}.attrs) {`);
        this.emit(
          `if (q === ${this.konst(local)} || q.endsWith(${this.konst(`:${local}`)})) ` +
            `${out}.push(new H.AttrNode(${node}, q, ${node}.attrs[q]));`,
        );
        this.close();
        this.close();
      } else if (path.last) {
        const r = this.value(path.last, this.scope(node));
        this.emit(`${contexts}++;`);
        this.emit(`for (let j = 0; j < ${r}.length; j++) ${out}.push(${r}[j]);`);
      } else this.emit(`${out}.push(${node});`);
    });
    if (path.attribute !== undefined && (path.up > 0 || path.children.length > 0))
      this.emit(`if (${out}.length > 1) ${out} = H.sortNodes(${out}, D);`);
    if (contexts) this.emit(`${out} = H.ordered(${out}, ${contexts}, D);`);
    this.close();
    return out;
  }

  /**
   * The statements reaching each node of a path from the scope's item: its `..` steps, then nested
   * loops over children; `leaf` writes what is done with each node (named by the JavaScript it gets).
   */
  private walk(path: GenPath, sc: Scope, leaf: (node: string) => void): void {
    let from = sc.item;
    let depth = 0;
    if (path.up > 0) {
      for (let u = 0; u < path.up; u++) {
        const p = this.let('u', `H.parentOf(${from}, D)`);
        this.open(`if (${p} !== undefined) {`);
        depth++;
        from = p;
      }
    }
    if (path.children.length === 0) {
      leaf(from);
    } else {
      path.children.forEach((step, k) => {
        let list = k === 0 ? this.let('s', `H.startOf(${from})`) : `${from}.children`;
        const matches = (n: string) => {
          const conds = [
            step.local === undefined ? undefined : `${n}.name !== ${this.konst(step.local)}`,
            step.uri === undefined ? undefined : `${n}.ns !== ${this.konst(step.uri)}`,
          ].filter(Boolean);
          if (conds.length) this.emit(`if (${conds.join(' || ')}) continue;`);
        };
        if (step.filter) list = this.let('l', `H.filtered(${list}, ${step.filter}, ctx)`);
        else if (step.preds.length) {
          // Every sibling is filtered before the walk goes on, as filtered() does.
          const kept = this.let('l', '[]');
          const i = this.v('i');
          const c = this.v('n');
          this.open(`for (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`);
          this.emit(`const ${c} = ${list}[${i}];`);
          matches(c);
          for (const pred of step.preds) {
            const ok = this.test(pred, this.scope(c));
            this.emit(`if (!${ok}) continue;`);
          }
          this.emit(`${kept}.push(${c});`);
          this.close();
          list = kept;
        }
        const i = this.v('i');
        const n = this.v('n');
        this.open(`for (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`);
        depth++;
        this.emit(`const ${n} = ${list}[${i}];`);
        if (!step.filter && !step.preds.length) matches(n);
        from = n;
      });
      leaf(from);
    }
    for (; depth > 0; depth--) this.close();
  }
}

interface GenStep {
  uri: string | undefined;
  local: string | undefined;
  /** Predicates written inline (they only filter, by truth). */
  preds: Ast[];
  /** Otherwise, the constant holding the step for `filtered` (positional predicates). */
  filter: string | undefined;
}

interface GenPath {
  /** Leading `..` steps. */
  up: number;
  children: GenStep[];
  /** A final `@name`. */
  attribute: string | undefined;
  /** A final expression evaluated on each node. */
  last: Ast | undefined;
  /** Names the path needs in the document (as compile.ts checks them). */
  check: ReturnType<typeof nameCheck>;
}

function parentStep(step: Ast): boolean {
  return step.k === 'axis' && step.axis === 'parent' && step.test.kind === 'node' && step.preds.length === 0;
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

/** An expression as a path's last step: evaluated on each node, never a node step itself. */
function finalExpression(step: Ast): boolean {
  return (
    step.k !== 'axis' && step.k !== 'path' && step.k !== 'root' && step.k !== 'filter' && !usesPosition(step)
  );
}

/** Whether an expression reads the context position or size (`position()`, `last()`). */
function usesPosition(ast: Ast): boolean {
  if (ast.k === 'call' && ast.args.length === 0 && (ast.name === 'position' || ast.name === 'last'))
    return true;
  return Object.values(ast).some((v) =>
    Array.isArray(v)
      ? v.some(
          (x) =>
            typeof x === 'object' &&
            x !== null &&
            ('k' in x ? usesPosition(x as Ast) : 'in' in x && usesPosition((x as { in: Ast }).in)),
        )
      : typeof v === 'object' && v !== null && 'k' in v && usesPosition(v as Ast),
  );
}

function codeListArg(ast: Extract<Ast, { k: 'call' }>): boolean {
  const [first] = ast.args;
  return ast.args.length === 2 && first.k === 'literal' && typeof first.v === 'string';
}

/** The source of the tests of one schema, one function per shape, and what each test passes it. */
export function generateRules(rules: RuleSource[], ns: Namespaces): GeneratedRules {
  const gen = new Generator(ns);
  const tests = rules.map((rule) => rule.tests.map((ast) => gen.shape(ast)));
  const names = gen.decls.map((_, i) => `t${i}`);
  const source = `'use strict';\n${gen.decls.join('\n')}\nreturn [${names.join(', ')}];\n`;
  return {
    source,
    tests,
    reports: rules.map((r) => r.reports),
    functions: names.length,
    fallbacks: gen.fallbacks,
    fallbackKinds: gen.fallbackKinds,
  };
}

type ShapeFunction = (ctx: Ctx, document: Ctx['document'], params: unknown[]) => boolean;

/**
 * Evaluates a generated module (one `new Function` per schema) and gives each rule its run: one
 * loop shared by every rule, which V8 optimises early, calling the functions of the tests' shapes.
 */
export function loadGeneratedRules(generated: GeneratedRules): RuleRun[] {
  const shapes = (new Function('H', generated.source) as (h: typeof HELPERS) => ShapeFunction[])(HELPERS);
  return generated.tests.map((tests, r) => {
    const fns = tests.map((t) => shapes[t.shape]);
    const params = tests.map((t) => t.params);
    const reports = generated.reports[r];
    return (ctx, violations) => {
      const document = ctx.document;
      for (let i = 0; i < fns.length; i++) {
        try {
          if (fns[i](ctx, document, params[i]) === reports[i]) violations.push(i);
        } catch (err) {
          failed(err);
          violations.push(~i);
        }
      }
    };
  });
}
