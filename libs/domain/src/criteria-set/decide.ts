import { ASSESSED_LEVELS, diffCriteriaSets, type CriteriaSet } from '@par-index/scoring';
import { requireRole, type ActorRole } from '../shared/command-context';
import { fail } from '../shared/domain-error';
import { requireNonEmptyId, requireNonEmptyText, requireOneOf, requireYear, TEXT_LIMITS } from '../shared/guards';
import { sameValue } from '../shared/same-value';
import type { CriteriaSetCommand, DraftCriteriaSet, PublishCriteriaSet, ReviseCriteriaSet, RetireCriteriaSet } from './commands';
import type { CriteriaSetEvent } from './events';
import type { CriteriaSetState } from './state';
import { sumOfMaxima } from './tree';
import { requireTreeShape, requireValidCriteriaSet } from './tree-guards';
import {
  decideAddCriterion,
  decideAddField,
  decideAddLeaf,
  decideChangeLeaf,
  decideRemoveNode,
  decideReplaceTree,
  requireDraft,
} from './decide-draft';

/** Who may issue any criteria-set command. */
export const CRITERIA_SET_COMMAND_ROLES: readonly ActorRole[] = ['admin'];

export function decideCriteriaSet(command: CriteriaSetCommand, state: CriteriaSetState): CriteriaSetEvent[] {
  requireRole(command.context, CRITERIA_SET_COMMAND_ROLES, 'manage criteria sets');
  switch (command.type) {
    case 'DraftCriteriaSet':
      return decideDraft(command, state);
    case 'AddField':
      return decideAddField(command, requireDraft(state));
    case 'AddCriterion':
      return decideAddCriterion(command, requireDraft(state));
    case 'AddLeaf':
      return decideAddLeaf(command, requireDraft(state));
    case 'ChangeLeaf':
      return decideChangeLeaf(command, requireDraft(state));
    case 'RemoveNode':
      return decideRemoveNode(command, requireDraft(state));
    case 'ReplaceCriteriaTree':
      return decideReplaceTree(command, requireDraft(state));
    case 'PublishCriteriaSet':
      return decidePublish(command, state);
    case 'ReviseCriteriaSet':
      return decideRevise(command, state);
    case 'RetireCriteriaSet':
      return decideRetire(command, state);
    default: {
      const _exhaustive: never = command;
      return fail('VALIDATION_FAILED', `unknown criteria set command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

/** Replaying the same draft is a no-op; a different header on an existing stream is a conflict. */
function decideDraft(command: DraftCriteriaSet, state: CriteriaSetState): CriteriaSetEvent[] {
  const code = requireNonEmptyId(command.code, 'code');
  const year = requireYear(command.year, 'year');
  const level = requireOneOf(command.level, ASSESSED_LEVELS, 'level');
  const name = requireNonEmptyText(command.name, 'name', TEXT_LIMITS.name);
  if (state.status !== 'empty') {
    if (state.code === code && state.year === year && state.level === level && state.name === name) return [];
    fail('CRITERIA_SET_ALREADY_DRAFTED', `criteria set "${state.code}" already exists`, { code: state.code });
  }
  return [
    { type: 'CriteriaSetDrafted', data: { code, year, level, name, version: 1, at: command.context.now, by: command.context.actorId } },
  ];
}

/** Publishing an already published set is a no-op (replay); the draft must pass validateCriteriaSet. */
function decidePublish(command: PublishCriteriaSet, state: CriteriaSetState): CriteriaSetEvent[] {
  if (state.status === 'published') return [];
  const draft = requireDraftForPublish(state);
  const criteriaSet = requireValidCriteriaSet({
    code: draft.code,
    year: draft.year,
    level: draft.level,
    version: 1,
    maxTotal: sumOfMaxima(draft.draftFields),
    fields: draft.draftFields,
  });
  return [
    {
      type: 'CriteriaSetPublished',
      data: { version: 1, name: draft.name, criteriaSet, at: command.context.now, by: command.context.actorId },
    },
  ];
}

function requireDraftForPublish(state: CriteriaSetState) {
  if (state.status === 'empty') fail('CRITERIA_SET_NOT_DRAFTED', 'the criteria set has not been drafted');
  if (state.status === 'retired') fail('CRITERIA_SET_RETIRED', `criteria set "${state.code}" is retired`);
  if (state.status !== 'draft') fail('CRITERIA_SET_FROZEN', `criteria set "${state.code}" is already published`);
  return state;
}

/**
 * A revision is a complete new tree, validated as given (declared maxima must add up), appended as
 * version n+1. Replaying the revision that produced the latest version is a no-op; a "revision"
 * that changes nothing is rejected.
 */
function decideRevise(command: ReviseCriteriaSet, state: CriteriaSetState): CriteriaSetEvent[] {
  if (state.status === 'empty') fail('CRITERIA_SET_NOT_DRAFTED', 'the criteria set has not been drafted');
  if (state.status === 'retired') fail('CRITERIA_SET_RETIRED', `criteria set "${state.code}" is retired`);
  if (state.status === 'draft') fail('CRITERIA_SET_NOT_PUBLISHED', `criteria set "${state.code}" is a draft; edit it instead`);
  const reason = requireNonEmptyText(command.reason, 'reason');
  const fields = requireTreeShape(command.fields);
  const latest = state.versions[state.versions.length - 1];
  if (sameValue(latest.criteriaSet.fields, fields)) {
    if (latest.revisionReason === reason) return [];
    fail('VALIDATION_FAILED', 'the revision does not change the criteria tree', { field: 'fields' });
  }
  const criteriaSet: CriteriaSet = requireValidCriteriaSet({
    code: state.code,
    year: state.year,
    level: state.level,
    version: latest.version + 1,
    maxTotal: sumOfMaxima(fields),
    fields,
  });
  return [
    {
      type: 'CriteriaSetRevised',
      data: {
        version: criteriaSet.version,
        previousVersion: latest.version,
        reason,
        criteriaSet,
        diff: diffCriteriaSets(latest.criteriaSet, criteriaSet),
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/** A draft or a published set can be retired; retiring again is a no-op. */
function decideRetire(command: RetireCriteriaSet, state: CriteriaSetState): CriteriaSetEvent[] {
  if (state.status === 'empty') fail('CRITERIA_SET_NOT_DRAFTED', 'the criteria set has not been drafted');
  if (state.status === 'retired') return [];
  const reason = requireNonEmptyText(command.reason, 'reason');
  const lastVersion = state.versions.at(-1)?.version ?? null;
  return [{ type: 'CriteriaSetRetired', data: { lastVersion, reason, at: command.context.now, by: command.context.actorId } }];
}
