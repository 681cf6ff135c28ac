import { walkNodes, type CriteriaNode, type CriteriaSet, type Hundredths } from '@par-index/scoring';
import { sameValue } from '../shared/same-value';

export type NodeChange = 'name' | 'max' | 'scoring' | 'parent' | 'type';

/** What a revision changed, node by node (carried in CriteriaSetRevised for auditors). */
export interface CriteriaSetDiff {
  addedNodes: string[];
  removedNodes: string[];
  changedNodes: Array<{ nodeCode: string; changes: NodeChange[] }>;
  maxTotal: { from: Hundredths; to: Hundredths };
}

interface Located {
  node: CriteriaNode;
  parentCode: string | null;
}

export function diffCriteriaTrees(previous: CriteriaSet, next: CriteriaSet): CriteriaSetDiff {
  const before = index(previous);
  const after = index(next);
  const addedNodes = [...after.keys()].filter((code) => !before.has(code));
  const removedNodes = [...before.keys()].filter((code) => !after.has(code));
  const changedNodes: CriteriaSetDiff['changedNodes'] = [];
  for (const [code, now] of after) {
    const was = before.get(code);
    if (!was) continue;
    const changes: NodeChange[] = [];
    if (was.node.type !== now.node.type) changes.push('type');
    if (was.node.name !== now.node.name) changes.push('name');
    if (was.node.max !== now.node.max) changes.push('max');
    if (was.node.type === 'leaf' && now.node.type === 'leaf' && !sameValue(was.node.scoring, now.node.scoring)) {
      changes.push('scoring');
    }
    if (was.parentCode !== now.parentCode) changes.push('parent');
    if (changes.length > 0) changedNodes.push({ nodeCode: code, changes });
  }
  return { addedNodes, removedNodes, changedNodes, maxTotal: { from: previous.maxTotal, to: next.maxTotal } };
}

function index(set: CriteriaSet): Map<string, Located> {
  const nodes = new Map<string, Located>();
  walkNodes(set, (node, parent) => nodes.set(node.code, { node, parentCode: parent?.code ?? null }));
  return nodes;
}
