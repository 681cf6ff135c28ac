import type { CriterionGroup } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { requireNonEmptyId, requireNonEmptyText, TEXT_LIMITS } from '../shared/guards';
import { sameValue } from '../shared/same-value';
import type { AddCriterion, AddField, AddLeaf, ChangeLeaf, RemoveNode, ReplaceCriteriaTree } from './commands';
import type { CriteriaSetEvent } from './events';
import type { CriteriaSetState } from './state';
import { findNode, findParentCode, withDerivedMaxima } from './tree';
import { requireTreeShape, requireValidLeaf } from './tree-guards';

type Draft = Extract<CriteriaSetState, { status: 'draft' }>;

/** Edits are only possible on a draft; published versions are frozen, retired sets closed. */
export function requireDraft(state: CriteriaSetState): Draft {
  switch (state.status) {
    case 'draft':
      return state;
    case 'empty':
      return fail('CRITERIA_SET_NOT_DRAFTED', 'the criteria set has not been drafted');
    case 'published':
      return fail('CRITERIA_SET_FROZEN', `criteria set "${state.code}" is published; revise it instead`);
    case 'retired':
      return fail('CRITERIA_SET_RETIRED', `criteria set "${state.code}" is retired`);
  }
}

// Adding a node that already exists identically is a replay: no event. Any other clash is an error.
export function decideAddField(command: AddField, state: Draft): CriteriaSetEvent[] {
  const nodeCode = requireNonEmptyId(command.nodeCode, 'nodeCode');
  const name = requireNonEmptyText(command.name, 'name', TEXT_LIMITS.nodeName);
  const existing = findNode(state.draftFields, nodeCode);
  if (existing) {
    if (existing.type === 'group' && existing.name === name && findParentCode(state.draftFields, nodeCode) === null) return [];
    fail('NODE_CODE_TAKEN', `node code "${nodeCode}" is already used`, { nodeCode });
  }
  return [{ type: 'FieldAdded', data: { nodeCode, name, at: command.context.now, by: command.context.actorId } }];
}

export function decideAddCriterion(command: AddCriterion, state: Draft): CriteriaSetEvent[] {
  const parentCode = requireParentGroup(state.draftFields, command.parentCode);
  const nodeCode = requireNonEmptyId(command.nodeCode, 'nodeCode');
  const name = requireNonEmptyText(command.name, 'name', TEXT_LIMITS.nodeName);
  const existing = findNode(state.draftFields, nodeCode);
  if (existing) {
    if (existing.type === 'group' && existing.name === name && findParentCode(state.draftFields, nodeCode) === parentCode) return [];
    fail('NODE_CODE_TAKEN', `node code "${nodeCode}" is already used`, { nodeCode });
  }
  return [{ type: 'CriterionAdded', data: { parentCode, nodeCode, name, at: command.context.now, by: command.context.actorId } }];
}

export function decideAddLeaf(command: AddLeaf, state: Draft): CriteriaSetEvent[] {
  const parentCode = requireParentGroup(state.draftFields, command.parentCode);
  const leaf = requireValidLeaf(command.leaf, state.level, state.year);
  const existing = findNode(state.draftFields, leaf.code);
  if (existing) {
    if (sameValue(existing, leaf) && findParentCode(state.draftFields, leaf.code) === parentCode) return [];
    fail('NODE_CODE_TAKEN', `node code "${leaf.code}" is already used`, { nodeCode: leaf.code });
  }
  return [{ type: 'LeafAdded', data: { parentCode, leaf, at: command.context.now, by: command.context.actorId } }];
}

export function decideChangeLeaf(command: ChangeLeaf, state: Draft): CriteriaSetEvent[] {
  const leaf = requireValidLeaf(command.leaf, state.level, state.year);
  const previous = findNode(state.draftFields, leaf.code);
  if (!previous || previous.type !== 'leaf') fail('LEAF_NOT_FOUND', `no leaf "${leaf.code}" in the draft`, { leafCode: leaf.code });
  if (sameValue(previous, leaf)) return [];
  return [{ type: 'LeafChanged', data: { leaf, previous, at: command.context.now, by: command.context.actorId } }];
}

/** Not idempotent: replaying a removal fails with NODE_NOT_FOUND (the node is gone). */
export function decideRemoveNode(command: RemoveNode, state: Draft): CriteriaSetEvent[] {
  const nodeCode = requireNonEmptyId(command.nodeCode, 'nodeCode');
  const removed = findNode(state.draftFields, nodeCode);
  if (!removed) fail('NODE_NOT_FOUND', `no node "${nodeCode}" in the draft`, { nodeCode });
  return [{ type: 'NodeRemoved', data: { nodeCode, removed, at: command.context.now, by: command.context.actorId } }];
}

/** Group maxima of the imported tree are re-derived from its leaves, as for every draft edit. */
export function decideReplaceTree(command: ReplaceCriteriaTree, state: Draft): CriteriaSetEvent[] {
  const fields: CriterionGroup[] = withDerivedMaxima(requireTreeShape(command.fields));
  if (sameValue(fields, state.draftFields)) return [];
  return [{ type: 'CriteriaTreeReplaced', data: { fields, at: command.context.now, by: command.context.actorId } }];
}

function requireParentGroup(fields: readonly CriterionGroup[], parentCode: unknown): string {
  const code = requireNonEmptyId(parentCode, 'parentCode');
  const parent = findNode(fields, code);
  if (!parent) fail('NODE_NOT_FOUND', `no parent node "${code}" in the draft`, { nodeCode: code });
  if (parent.type !== 'group') fail('PARENT_NOT_A_GROUP', `"${code}" is a leaf and cannot hold children`, { nodeCode: code });
  return code;
}
