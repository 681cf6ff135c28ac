import type { ConversionRule, CriteriaSet, CriterionGroup, LeafCriterion } from '../criteria/criteria-set';
import { listLeaves } from '../criteria/tree';
import { validateCriteriaSet, type CriteriaSetIssue } from '../criteria/validate';

export const LEAF_KIND = { appraised: 0, survey: 1, indicator: 2, deduction: 3 } as const;

/** Where a leaf's points come from in the "appraisal + SIPAS + leaders' survey + indicators" split. */
export interface ScoreSource {
  /** 'appraisal', 'deduction', 'survey:<name>' or 'indicator:<name>' */
  key: string;
  kind: 'appraisal' | 'survey' | 'indicator' | 'deduction';
  /** 'appraisal', 'deduction', or the survey / indicator name as declared on the leaves */
  name: string;
}

/**
 * A criteria set flattened into parallel arrays (leaves in document order) so scoring a unit is a
 * single pass without walking the tree or allocating per leaf. Built once per set object and
 * cached (see `compileCriteriaSet`); treat it as read-only.
 */
export interface CompiledCriteriaSet {
  set: CriteriaSet;
  leaves: readonly LeafCriterion[];
  leafIndexByCode: ReadonlyMap<string, number>;
  leafKind: Uint8Array;
  leafMax: Int32Array;
  /** deduction floor (negative) for deduction leaves, 0 otherwise */
  leafFloor: Int32Array;
  leafField: Int32Array;
  leafSource: Int32Array;
  leafRule: ReadonlyArray<ConversionRule | null>;
  fields: readonly CriterionGroup[];
  sources: readonly ScoreSource[];
  /** true when a leaf code is also an Object.prototype member ("constructor", "toString"…) */
  hasPrototypeCollision: boolean;
}

export class InvalidCriteriaSetError extends Error {
  constructor(
    readonly setCode: string,
    readonly issues: CriteriaSetIssue[],
  ) {
    super(`criteria set "${setCode}" is invalid: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'InvalidCriteriaSetError';
  }
}

const cache = new WeakMap<CriteriaSet, CompiledCriteriaSet>();

/**
 * Validates and compiles a set. Compiled sets are cached by object identity, which is sound
 * because criteria sets are immutable values (a revision is a new object).
 */
export function compileCriteriaSet(set: CriteriaSet): CompiledCriteriaSet {
  const cached = cache.get(set);
  if (cached) return cached;
  const issues = validateCriteriaSet(set);
  if (issues.length > 0) throw new InvalidCriteriaSetError(set.code, issues);

  const leaves = listLeaves(set);
  const n = leaves.length;
  const compiled: CompiledCriteriaSet = {
    set,
    leaves,
    leafIndexByCode: new Map(leaves.map((leaf, i) => [leaf.code, i])),
    leafKind: new Uint8Array(n),
    leafMax: new Int32Array(n),
    leafFloor: new Int32Array(n),
    leafField: new Int32Array(n),
    leafSource: new Int32Array(n),
    leafRule: leaves.map((leaf) => (leaf.scoring.kind === 'survey' || leaf.scoring.kind === 'indicator' ? leaf.scoring.rule : null)),
    fields: set.fields,
    sources: [],
    hasPrototypeCollision: leaves.some((leaf) => leaf.code in Object.prototype),
  };
  const sources: ScoreSource[] = [];
  const sourceIndex = new Map<string, number>();
  let leafCursor = 0;
  set.fields.forEach((field, fieldIndex) => {
    for (const leaf of listLeaves({ ...set, fields: [field] })) {
      const i = leafCursor++;
      const source = sourceOf(leaf);
      if (!sourceIndex.has(source.key)) {
        sourceIndex.set(source.key, sources.length);
        sources.push(source);
      }
      compiled.leafKind[i] = LEAF_KIND[leaf.scoring.kind];
      compiled.leafMax[i] = leaf.max;
      compiled.leafFloor[i] = leaf.scoring.kind === 'deduction' ? leaf.scoring.floor : 0;
      compiled.leafField[i] = fieldIndex;
      compiled.leafSource[i] = sourceIndex.get(source.key)!;
    }
  });
  compiled.sources = sources;
  cache.set(set, compiled);
  return compiled;
}

function sourceOf(leaf: LeafCriterion): ScoreSource {
  const scoring = leaf.scoring;
  switch (scoring.kind) {
    case 'appraised':
      return { key: 'appraisal', kind: 'appraisal', name: 'appraisal' };
    case 'deduction':
      return { key: 'deduction', kind: 'deduction', name: 'deduction' };
    case 'survey':
      return { key: `survey:${scoring.survey}`, kind: 'survey', name: scoring.survey };
    case 'indicator':
      return { key: `indicator:${scoring.indicator}`, kind: 'indicator', name: scoring.indicator };
    default: {
      const _exhaustive: never = scoring;
      throw new TypeError(`unknown scoring kind ${JSON.stringify(_exhaustive)}`);
    }
  }
}
