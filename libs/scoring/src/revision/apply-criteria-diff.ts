import type { CriteriaNode, CriteriaSet, CriterionGroup } from '../criteria/criteria-set';
import { attributesOf, deepEqual, indexNodes, type CriteriaDiff, type NodeAttributes } from './criteria-diff';

export class CriteriaDiffConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CriteriaDiffConflictError';
  }
}

const ROOT = '\u0000fields';

/**
 * Applies a diff to the version it was taken from, producing the new version. The diff must
 * match: applying it to any other set (a different identity, or nodes whose current values differ
 * from the diff's "from" values) throws `CriteriaDiffConflictError` rather than guessing.
 */
export function applyCriteriaDiff(set: CriteriaSet, diff: CriteriaDiff): CriteriaSet {
  const { from } = diff;
  if (set.code !== from.code || set.year !== from.year || set.level !== from.level || set.version !== from.version) {
    throw new CriteriaDiffConflictError(`diff is from "${from.code}" v${from.version}, not "${set.code}" v${set.version}`);
  }
  if (diff.maxTotal && diff.maxTotal.from !== set.maxTotal) {
    throw new CriteriaDiffConflictError(`maxTotal is ${set.maxTotal}, the diff expects ${diff.maxTotal.from}`);
  }
  const attributes = new Map<string, NodeAttributes>();
  const childLists = new Map<string, readonly string[]>([[ROOT, set.fields.map((field) => field.code)]]);
  for (const [code, { node }] of indexNodes(set)) {
    attributes.set(code, attributesOf(node));
    if (node.type === 'group')
      childLists.set(
        code,
        node.children.map((child) => child.code),
      );
  }
  for (const { code, node } of diff.removed) {
    if (attributes.get(code)?.type !== node.type) throw new CriteriaDiffConflictError(`cannot remove "${code}": no such ${node.type}`);
    attributes.delete(code);
    childLists.delete(code);
  }
  for (const { code, node } of diff.added) {
    if (attributes.has(code)) throw new CriteriaDiffConflictError(`cannot add "${code}": the code already exists`);
    attributes.set(code, node);
    if (node.type === 'group') childLists.set(code, []);
  }
  for (const change of diff.changed) {
    const current = attributes.get(change.code);
    if (!current) throw new CriteriaDiffConflictError(`cannot change "${change.code}": no such node`);
    const next = { ...current } as NodeAttributes & { scoring?: unknown };
    if (change.name) next.name = expect(change.code, 'name', current.name, change.name);
    if (change.max) next.max = expect(change.code, 'max', current.max, change.max);
    if (change.scoring) {
      if (current.type !== 'leaf') throw new CriteriaDiffConflictError(`cannot change the scoring of group "${change.code}"`);
      next.scoring = expect(change.code, 'scoring', current.scoring, change.scoring);
    }
    attributes.set(change.code, next);
  }
  for (const { parentCode, codes } of diff.children) childLists.set(parentCode ?? ROOT, codes);

  const placed = new Set<string>();
  const build = (code: string): CriteriaNode => {
    const node = attributes.get(code);
    if (!node) throw new CriteriaDiffConflictError(`"${code}" is placed in the tree but does not exist`);
    if (placed.has(code)) throw new CriteriaDiffConflictError(`"${code}" is placed twice in the tree`);
    placed.add(code);
    if (node.type === 'leaf') return { type: 'leaf', code: node.code, name: node.name, max: node.max, scoring: node.scoring };
    return { type: 'group', code: node.code, name: node.name, max: node.max, children: (childLists.get(code) ?? []).map(build) };
  };
  const fields = (childLists.get(ROOT) ?? []).map(build);
  const orphan = [...attributes.keys()].find((code) => !placed.has(code));
  if (orphan !== undefined) throw new CriteriaDiffConflictError(`"${orphan}" exists but is not placed in the tree`);
  if (fields.some((field) => field.type !== 'group')) throw new CriteriaDiffConflictError('every field must be a group');
  return {
    code: diff.to.code,
    year: diff.to.year,
    level: diff.to.level,
    version: diff.to.version,
    maxTotal: diff.maxTotal ? diff.maxTotal.to : set.maxTotal,
    fields: fields as CriterionGroup[],
  };
}

function expect<T>(code: string, what: string, actual: T, change: { from: T; to: T }): T {
  if (!deepEqual(actual, change.from)) {
    throw new CriteriaDiffConflictError(`"${code}": ${what} is ${JSON.stringify(actual)}, the diff expects ${JSON.stringify(change.from)}`);
  }
  return change.to;
}
