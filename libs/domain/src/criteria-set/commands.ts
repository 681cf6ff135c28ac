import type { AssessedLevel, CriterionGroup, LeafCriterion } from '@par-index/scoring';
import type { CommandContext } from '../shared/command-context';

/** Every criteria-set command is for role `admin` (the issuing authority). */
interface Base {
  context: CommandContext;
}

export type DraftCriteriaSet = Base & { type: 'DraftCriteriaSet'; code: string; year: number; level: AssessedLevel; name: string };
export type AddField = Base & { type: 'AddField'; nodeCode: string; name: string };
export type AddCriterion = Base & { type: 'AddCriterion'; parentCode: string; nodeCode: string; name: string };
export type AddLeaf = Base & { type: 'AddLeaf'; parentCode: string; leaf: LeafCriterion };
/** Replaces the leaf with the same code (name, max, scoring), keeping its place in the tree. */
export type ChangeLeaf = Base & { type: 'ChangeLeaf'; leaf: LeafCriterion };
export type RemoveNode = Base & { type: 'RemoveNode'; nodeCode: string };
export type ReplaceCriteriaTree = Base & { type: 'ReplaceCriteriaTree'; fields: CriterionGroup[] };
export type PublishCriteriaSet = Base & { type: 'PublishCriteriaSet' };
/** `fields` is the complete new tree with its declared maxima; maxTotal is their sum. */
export type ReviseCriteriaSet = Base & { type: 'ReviseCriteriaSet'; reason: string; fields: CriterionGroup[] };
export type RetireCriteriaSet = Base & { type: 'RetireCriteriaSet'; reason: string };

export type CriteriaSetCommand =
  | DraftCriteriaSet
  | AddField
  | AddCriterion
  | AddLeaf
  | ChangeLeaf
  | RemoveNode
  | ReplaceCriteriaTree
  | PublishCriteriaSet
  | ReviseCriteriaSet
  | RetireCriteriaSet;

export type CriteriaSetCommandType = CriteriaSetCommand['type'];
