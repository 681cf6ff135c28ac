import type {
  AssessedLevel,
  CriteriaNode,
  CriteriaSet,
  CriterionGroup,
  Hundredths,
  LeafCriterion,
  LeafScoring,
} from '../criteria/criteria-set';
import { walkNodes } from '../criteria/tree';

/** A node without its children: what a diff records about an added or removed node. */
export type NodeAttributes = LeafCriterion | Omit<CriterionGroup, 'children'>;

export interface SetIdentity {
  code: string;
  year: number;
  level: AssessedLevel;
  version: number;
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface NodeChange {
  code: string;
  name?: Change<string>;
  max?: Change<Hundredths>;
  /** leaves only: a changed scoring kind, survey, indicator, rule or floor */
  scoring?: Change<LeafScoring>;
}

/**
 * What turns one version of a criteria set into another. Every node is named by its code, which
 * identifies a criterion across versions. A node that changes between leaf and group is recorded
 * as removed and added. `children` carries the complete, ordered child list of every parent whose
 * list differs (parentCode null = the fields), which captures additions, removals, moves and
 * reorderings at once; `moved` repeats the moves in readable form.
 */
export interface CriteriaDiff {
  from: SetIdentity;
  to: SetIdentity;
  maxTotal: Change<Hundredths> | null;
  added: { code: string; parentCode: string | null; node: NodeAttributes }[];
  removed: { code: string; parentCode: string | null; node: NodeAttributes }[];
  moved: { code: string; fromParent: string | null; toParent: string | null }[];
  changed: NodeChange[];
  children: { parentCode: string | null; codes: string[] }[];
}

export interface IndexedNode {
  node: CriteriaNode;
  parentCode: string | null;
}

export const identityOf = (set: CriteriaSet): SetIdentity => ({ code: set.code, year: set.year, level: set.level, version: set.version });

export function attributesOf(node: CriteriaNode): NodeAttributes {
  return node.type === 'leaf'
    ? { type: 'leaf', code: node.code, name: node.name, max: node.max, scoring: node.scoring }
    : { type: 'group', code: node.code, name: node.name, max: node.max };
}

export function indexNodes(set: CriteriaSet): Map<string, IndexedNode> {
  const index = new Map<string, IndexedNode>();
  walkNodes(set, (node, parent) => {
    if (index.has(node.code)) throw new RangeError(`criteria set "${set.code}": code "${node.code}" is used twice`);
    index.set(node.code, { node, parentCode: parent?.code ?? null });
  });
  return index;
}

/** The diff between two versions of a set: `applyCriteriaDiff(a, diffCriteriaSets(a, b))` equals b. */
export function diffCriteriaSets(a: CriteriaSet, b: CriteriaSet): CriteriaDiff {
  const before = indexNodes(a);
  const after = indexNodes(b);
  const sameKind = (code: string): boolean => before.get(code)?.node.type === after.get(code)?.node.type;
  const diff: CriteriaDiff = {
    from: identityOf(a),
    to: identityOf(b),
    maxTotal: a.maxTotal === b.maxTotal ? null : { from: a.maxTotal, to: b.maxTotal },
    added: [],
    removed: [],
    moved: [],
    changed: [],
    children: [],
  };
  for (const [code, { node, parentCode }] of before) {
    if (!after.has(code) || !sameKind(code)) diff.removed.push({ code, parentCode, node: attributesOf(node) });
  }
  for (const [code, { node, parentCode }] of after) {
    const prior = before.get(code);
    if (!prior || !sameKind(code)) {
      diff.added.push({ code, parentCode, node: attributesOf(node) });
      continue;
    }
    if (prior.parentCode !== parentCode) diff.moved.push({ code, fromParent: prior.parentCode, toParent: parentCode });
    const change = nodeChange(prior.node, node);
    if (change) diff.changed.push(change);
  }
  const childCodes = (set: CriteriaSet, index: Map<string, IndexedNode>, parentCode: string | null): string[] | undefined => {
    if (parentCode === null) return set.fields.map((field) => field.code);
    const parent = index.get(parentCode)?.node;
    return parent?.type === 'group' ? parent.children.map((child) => child.code) : undefined;
  };
  const parents: (string | null)[] = [
    null,
    ...[...after.values()].filter(({ node }) => node.type === 'group').map(({ node }) => node.code),
  ];
  for (const parentCode of parents) {
    const codes = childCodes(b, after, parentCode)!;
    const old = parentCode === null || sameKind(parentCode) ? childCodes(a, before, parentCode) : undefined;
    if (!old || !sameList(old, codes)) diff.children.push({ parentCode, codes });
  }
  return diff;
}

function nodeChange(a: CriteriaNode, b: CriteriaNode): NodeChange | null {
  const change: NodeChange = { code: b.code };
  if (a.name !== b.name) change.name = { from: a.name, to: b.name };
  if (a.max !== b.max) change.max = { from: a.max, to: b.max };
  if (a.type === 'leaf' && b.type === 'leaf' && !deepEqual(a.scoring, b.scoring)) change.scoring = { from: a.scoring, to: b.scoring };
  return Object.keys(change).length > 1 ? change : null;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((code, i) => code === b[i]);

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
