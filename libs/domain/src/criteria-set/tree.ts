import type { CriteriaNode, CriterionGroup, LeafCriterion } from '@par-index/scoring';

/**
 * Pure edits of a draft criteria tree. Group maxima in a draft are derived: after every edit each
 * group's max is the sum of its children's, so a draft built leaf by leaf is always consistent.
 */
export function findNode(fields: readonly CriteriaNode[], code: string): CriteriaNode | undefined {
  for (const node of fields) {
    if (node.code === code) return node;
    if (node.type === 'group') {
      const found = findNode(node.children, code);
      if (found) return found;
    }
  }
  return undefined;
}

/** The code of the group holding `code`, null for a top-level field, undefined if absent. */
export function findParentCode(nodes: readonly CriteriaNode[], code: string, parent: string | null = null): string | null | undefined {
  for (const node of nodes) {
    if (node.code === code) return parent;
    if (node.type === 'group') {
      const found = findParentCode(node.children, code, node.code);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function addChild(fields: readonly CriterionGroup[], parentCode: string, child: CriteriaNode): CriterionGroup[] {
  return withDerivedMaxima(
    mapGroups(fields, (group) => (group.code === parentCode ? { ...group, children: [...group.children, child] } : group)),
  );
}

export function replaceLeaf(fields: readonly CriterionGroup[], leaf: LeafCriterion): CriterionGroup[] {
  const swap = (nodes: readonly CriteriaNode[]): CriteriaNode[] =>
    nodes.map((node) => (node.code === leaf.code ? leaf : node.type === 'group' ? { ...node, children: swap(node.children) } : node));
  return withDerivedMaxima(swap(fields) as CriterionGroup[]);
}

export function removeNode(fields: readonly CriterionGroup[], code: string): CriterionGroup[] {
  const drop = (nodes: readonly CriteriaNode[]): CriteriaNode[] =>
    nodes.filter((node) => node.code !== code).map((node) => (node.type === 'group' ? { ...node, children: drop(node.children) } : node));
  return withDerivedMaxima(drop(fields) as CriterionGroup[]);
}

export function withDerivedMaxima(fields: readonly CriterionGroup[]): CriterionGroup[] {
  const derive = (node: CriteriaNode): CriteriaNode => {
    if (node.type === 'leaf') return node;
    const children = node.children.map(derive);
    return { ...node, children, max: children.reduce((sum, child) => sum + child.max, 0) };
  };
  return fields.map((field) => derive(field) as CriterionGroup);
}

export function sumOfMaxima(fields: readonly CriterionGroup[]): number {
  return fields.reduce((sum, field) => sum + field.max, 0);
}

function mapGroups(fields: readonly CriterionGroup[], fn: (group: CriterionGroup) => CriterionGroup): CriterionGroup[] {
  const visit = (node: CriteriaNode): CriteriaNode => {
    if (node.type === 'leaf') return node;
    const mapped = fn(node);
    return { ...mapped, children: mapped.children.map(visit) };
  };
  return fields.map((field) => visit(field) as CriterionGroup);
}
