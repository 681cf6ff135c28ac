// Fails when a workspace's own modules import each other in a cycle (house rule: no import cycles).
// Between workspaces the layer rules of eslint.config.mjs already forbid cycles; this checks the
// relative imports inside each workspace's src/. Type-only imports (`import type`, or only `type`
// names) do not count: TypeScript erases them (no verbatimModuleSyntax here), so they cannot make a
// module see another half-loaded. Biome's noImportCycles ignores them too by default.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

function resolveRelative(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** The module specifiers a file imports or re-exports at run time (static imports only). */
function runtimeImports(file, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const specifiers = [];
  for (const statement of source.statements) {
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const named = statement.exportClause;
      if (named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
    } else continue;
    specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

/** Strongly connected components with more than one module (or a module importing itself): Tarjan. */
function cyclesOf(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const graph = new Map();
for (const group of ['apps', 'libs']) {
  for (const workspace of readdirSync(path.join(root, group))) {
    const src = path.join(root, group, workspace, 'src');
    if (!existsSync(src)) continue;
    for (const file of sourceFiles(src)) {
      const targets = runtimeImports(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolveRelative(file, specifier))
        .filter((target) => target !== null);
      graph.set(file, new Set(targets));
    }
  }
}
/** Like scripts/check-deploy.mjs, the check proves on made-up input that it still catches what it is for. */
function selfTest() {
  const made = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a'])],
    ['d', new Set(['a', 'd'])],
    ['e', new Set(['a'])],
  ]);
  const found = cyclesOf(made).map((cycle) => [...cycle].sort().join(','));
  const imports = runtimeImports(
    'probe.ts',
    "import type { A } from './t1'; import { type B } from './t2'; export type { C } from './t3'; " +
      "import { D, type E } from './v1'; export * from './v2'; import './v3'; export { F } from './v4';",
  );
  const problems = [];
  if (found.sort().join(' ') !== 'a,b,c d') problems.push(`cycles of a made-up graph: ${found.join(' ')}`);
  if (imports.join(' ') !== './v1 ./v2 ./v3 ./v4') problems.push(`runtime imports of a made-up module: ${imports.join(' ')}`);
  return problems;
}

const problems = selfTest();
for (const problem of problems) console.error(`check-cycles self-test failed: ${problem}`);
const cycles = cyclesOf(graph);
for (const cycle of cycles)
  console.error(
    `import cycle among: ${cycle
      .map((file) => path.relative(root, file))
      .sort()
      .join(', ')}`,
  );
if (cycles.length > 0 || problems.length > 0) process.exit(1);
console.log(`check-cycles: ${graph.size} modules, no import cycle`);
