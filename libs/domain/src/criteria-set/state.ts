import type { AssessedLevel, CriteriaSet, CriterionGroup } from '@par-index/scoring';
import type { CriteriaSetEvent } from './events';
import { addChild, removeNode, replaceLeaf, withDerivedMaxima } from './tree';

/**
 * Versions live in the one stream `criteria-set-{code}`: version 1 is built as a draft and
 * published; each revision appends version n+1 as a complete, already-frozen set. Every published
 * version stays in `versions` (ascending), so assessments bound to an older version still resolve.
 */
export interface PublishedCriteriaSetVersion {
  version: number;
  criteriaSet: CriteriaSet;
  publishedAt: string;
  publishedBy: string;
  revisionReason: string | null; // null for version 1
}

interface Header {
  code: string;
  year: number;
  level: AssessedLevel;
  name: string;
}

export type CriteriaSetState =
  | { status: 'empty' }
  | (Header & { status: 'draft'; draftFields: CriterionGroup[]; versions: PublishedCriteriaSetVersion[] })
  | (Header & { status: 'published'; versions: PublishedCriteriaSetVersion[] })
  | (Header & { status: 'retired'; versions: PublishedCriteriaSetVersion[]; retiredAt: string; retiredReason: string });

export function initialCriteriaSetState(): CriteriaSetState {
  return { status: 'empty' };
}

export function evolveCriteriaSet(state: CriteriaSetState, event: CriteriaSetEvent): CriteriaSetState {
  switch (event.type) {
    case 'CriteriaSetDrafted': {
      const { code, year, level, name } = event.data;
      return { status: 'draft', code, year, level, name, draftFields: [], versions: [] };
    }
    case 'FieldAdded':
      return editDraft(state, (fields) => [
        ...fields,
        { type: 'group', code: event.data.nodeCode, name: event.data.name, max: 0, children: [] },
      ]);
    case 'CriterionAdded':
      return editDraft(state, (fields) =>
        addChild(fields, event.data.parentCode, { type: 'group', code: event.data.nodeCode, name: event.data.name, max: 0, children: [] }),
      );
    case 'LeafAdded':
      return editDraft(state, (fields) => addChild(fields, event.data.parentCode, event.data.leaf));
    case 'LeafChanged':
      return editDraft(state, (fields) => replaceLeaf(fields, event.data.leaf));
    case 'NodeRemoved':
      return editDraft(state, (fields) => removeNode(fields, event.data.nodeCode));
    case 'CriteriaTreeReplaced':
      return editDraft(state, () => withDerivedMaxima(event.data.fields));
    case 'CriteriaSetPublished':
    case 'CriteriaSetRevised': {
      if (state.status === 'empty') return state;
      const version: PublishedCriteriaSetVersion = {
        version: event.data.version,
        criteriaSet: event.data.criteriaSet,
        publishedAt: event.data.at,
        publishedBy: event.data.by,
        revisionReason: event.type === 'CriteriaSetRevised' ? event.data.reason : null,
      };
      const { code, year, level, name, versions } = state;
      return { status: 'published', code, year, level, name, versions: [...versions, version] };
    }
    case 'CriteriaSetRetired': {
      if (state.status === 'empty') return state;
      const { code, year, level, name, versions } = state;
      return { status: 'retired', code, year, level, name, versions, retiredAt: event.data.at, retiredReason: event.data.reason };
    }
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown criteria set event ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function editDraft(state: CriteriaSetState, edit: (fields: CriterionGroup[]) => CriterionGroup[]): CriteriaSetState {
  if (state.status !== 'draft') return state;
  return { ...state, draftFields: edit(state.draftFields) };
}

/** The latest published version, if any. */
export function currentCriteriaSet(state: CriteriaSetState): CriteriaSet | undefined {
  return state.status === 'empty' ? undefined : state.versions.at(-1)?.criteriaSet;
}

export function criteriaSetVersion(state: CriteriaSetState, version: number): CriteriaSet | undefined {
  return state.status === 'empty' ? undefined : state.versions.find((v) => v.version === version)?.criteriaSet;
}

/** What an assessment command needs: one published version and whether the set is retired. */
export interface ResolvedCriteriaSet {
  set: CriteriaSet;
  retired: boolean;
}

/** For command handlers: the given (default: latest) published version, undefined if none. */
export function resolveCriteriaSet(state: CriteriaSetState, version?: number): ResolvedCriteriaSet | undefined {
  const set = version === undefined ? currentCriteriaSet(state) : criteriaSetVersion(state, version);
  return set ? { set, retired: state.status === 'retired' } : undefined;
}
