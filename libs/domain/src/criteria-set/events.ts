import type { AssessedLevel, CriteriaDiff, CriteriaNode, CriteriaSet, CriterionGroup, LeafCriterion } from '@par-index/scoring';

/** `at` is the command's `now` (ISO), `by` the acting user's id. */
interface Stamped {
  at: string;
  by: string;
}

export type CriteriaSetDrafted = {
  type: 'CriteriaSetDrafted';
  data: Stamped & { code: string; year: number; level: AssessedLevel; name: string; version: 1 };
};
export type FieldAdded = { type: 'FieldAdded'; data: Stamped & { nodeCode: string; name: string } };
export type CriterionAdded = {
  type: 'CriterionAdded';
  data: Stamped & { parentCode: string; nodeCode: string; name: string };
};
export type LeafAdded = { type: 'LeafAdded'; data: Stamped & { parentCode: string; leaf: LeafCriterion } };
export type LeafChanged = {
  type: 'LeafChanged';
  data: Stamped & { leaf: LeafCriterion; previous: LeafCriterion };
};
/** Removes a field, criterion or leaf (with everything below it); `removed` keeps it for audit. */
export type NodeRemoved = { type: 'NodeRemoved'; data: Stamped & { nodeCode: string; removed: CriteriaNode } };
/** A whole draft tree imported at once (e.g. from the issuing document). */
export type CriteriaTreeReplaced = { type: 'CriteriaTreeReplaced'; data: Stamped & { fields: CriterionGroup[] } };
/** Version 1 frozen: carries the full validated set, so readers never re-fold the draft. */
export type CriteriaSetPublished = {
  type: 'CriteriaSetPublished';
  data: Stamped & { version: number; name: string; criteriaSet: CriteriaSet };
};
/**
 * Version n+1, in force for newly opened assessments; earlier versions stay readable and immutable.
 * `diff` is libs/scoring's `diffCriteriaSets(previous, next)` (schema v2; v1 events carried an
 * older node-list summary, kept as stored). Assessments move to it by `MoveAssessmentToCriteriaVersion`.
 */
export type CriteriaSetRevised = {
  type: 'CriteriaSetRevised';
  data: Stamped & {
    version: number;
    previousVersion: number;
    reason: string;
    criteriaSet: CriteriaSet;
    diff: CriteriaDiff;
  };
};
export type CriteriaSetRetired = {
  type: 'CriteriaSetRetired';
  data: Stamped & { lastVersion: number | null; reason: string };
};

export type CriteriaSetEvent =
  | CriteriaSetDrafted
  | FieldAdded
  | CriterionAdded
  | LeafAdded
  | LeafChanged
  | NodeRemoved
  | CriteriaTreeReplaced
  | CriteriaSetPublished
  | CriteriaSetRevised
  | CriteriaSetRetired;

export type CriteriaSetEventType = CriteriaSetEvent['type'];

export const CRITERIA_SET_EVENT_TYPES = [
  'CriteriaSetDrafted',
  'FieldAdded',
  'CriterionAdded',
  'LeafAdded',
  'LeafChanged',
  'NodeRemoved',
  'CriteriaTreeReplaced',
  'CriteriaSetPublished',
  'CriteriaSetRevised',
  'CriteriaSetRetired',
] as const satisfies readonly CriteriaSetEventType[];
