import type { CriteriaNode, CriteriaSet, CriterionGroup, Hundredths, LeafCriterion } from './criteria-set';

/** Every leaf of the set in document order (depth first, children in their declared order). */
export function listLeaves(set: CriteriaSet): LeafCriterion[] {
  const leaves: LeafCriterion[] = [];
  const visit = (node: CriteriaNode): void => {
    if (node.type === 'leaf') leaves.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const field of set.fields) visit(field);
  return leaves;
}

export function findLeaf(set: CriteriaSet, code: string): LeafCriterion | undefined {
  const node = findNode(set, code);
  return node?.type === 'leaf' ? node : undefined;
}

/** Any node (field, criterion or leaf) by code. */
export function findNode(set: CriteriaSet, code: string): CriteriaNode | undefined {
  let found: CriteriaNode | undefined;
  walkNodes(set, (node) => {
    if (found === undefined && node.code === code) found = node;
  });
  return found;
}

/** The field (top-level group) a leaf belongs to. */
export function fieldOfLeaf(set: CriteriaSet, leafCode: string): CriterionGroup | undefined {
  const contains = (node: CriteriaNode): boolean => (node.type === 'leaf' ? node.code === leafCode : node.children.some(contains));
  return set.fields.find(contains);
}

/** Points a leaf can take: a deduction leaf floor..0, every other leaf 0..max. */
export function leafBounds(leaf: LeafCriterion): { min: Hundredths; max: Hundredths } {
  return leaf.scoring.kind === 'deduction' ? { min: leaf.scoring.floor, max: 0 } : { min: 0, max: leaf.max };
}

/** Visits every node depth first with its parent group (null for fields) and its index there. */
export function walkNodes(set: CriteriaSet, visit: (node: CriteriaNode, parent: CriterionGroup | null, index: number) => void): void {
  const walk = (node: CriteriaNode, parent: CriterionGroup | null, index: number): void => {
    visit(node, parent, index);
    if (node.type === 'group') node.children.forEach((child, i) => walk(child, node, i));
  };
  set.fields.forEach((field, i) => walk(field, null, i));
}
