import { OPERATIONS, type OperationSpec } from './bad-input-operations.test-support';
import { BAD_VALUES, COERCION, NULL_FOR_REQUIRED, type BadValue, type Expected } from './bad-input-values.test-support';
import type { TestActor } from './test-tokens.test-support';

export interface CorpusCase {
  name: string;
  actor: TestActor;
  body: { query: string; variables: Record<string, unknown> };
  expected: Expected;
}

function document(op: OperationSpec): string {
  const names = Object.keys(op.args);
  const declarations = names.map((name) => `$${name}: ${op.args[name]!.type}`).join(', ');
  const args = names.map((name) => `${name}: $${name}`).join(', ');
  return `${op.operation} Case${declarations ? `(${declarations})` : ''} { ${op.field}${args ? `(${args})` : ''} ${op.selection} }`;
}

function validVariables(op: OperationSpec): Record<string, unknown> {
  return Object.fromEntries(Object.entries(op.args).map(([name, spec]) => [name, spec.valid]));
}

function caseOf(op: OperationSpec, target: string, bad: BadValue, variables: Record<string, unknown>): CorpusCase {
  return {
    name: `${op.field}: ${target} = ${bad.label} → ${bad.expected.status} ${bad.expected.codes.join('|')}`,
    actor: op.actor,
    body: { query: document(op), variables },
    expected: bad.expected,
  };
}

const MISSING: BadValue = { label: 'a missing required field', value: undefined, expected: COERCION };

/** Every argument (and input-object field) of every operation × the bad values of its kind. */
export function generatedCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const op of OPERATIONS) {
    const valid = validVariables(op);
    for (const [name, spec] of Object.entries(op.args)) {
      if (spec.fields) {
        const input = spec.valid as Record<string, unknown>;
        for (const [field, { kind, required }] of Object.entries(spec.fields)) {
          const values = [...BAD_VALUES[kind], ...(required ? [NULL_FOR_REQUIRED, MISSING] : [])];
          for (const bad of values) {
            const patched = { ...input, [field]: bad.value };
            if (bad === MISSING) delete patched[field];
            cases.push(caseOf(op, `${name}.${field}`, bad, { ...valid, [name]: patched }));
          }
        }
        cases.push(caseOf(op, name, NULL_FOR_REQUIRED, { ...valid, [name]: null }));
        continue;
      }
      if (!spec.kind) continue;
      const values = [...BAD_VALUES[spec.kind], ...(spec.type.endsWith('!') ? [NULL_FOR_REQUIRED] : [])];
      for (const bad of values) cases.push(caseOf(op, name, bad, { ...valid, [name]: bad.value }));
    }
  }
  return cases;
}
