import type { Hundredths } from '../criteria/criteria-set';
import { rational, rationalToPercent, subtractRationals, type PercentHundredths } from '../points/ratio';
import type { UnitScorecard } from '../scorecard/scorecard';

export interface Contribution {
  code: string;
  /** 'changed', or 'added' / 'removed' when the node exists in only one of the two scorecards */
  status: 'changed' | 'added' | 'removed';
  pointsChange: Hundredths;
  points: Hundredths | null;
  previousPoints: Hundredths | null;
  /** change of this node's applicable max (a leaf becoming (not) applicable, a revised maximum) */
  maxChange: Hundredths;
  /** this node's share of the index change: pointsChange ÷ the current total max, in percentage points */
  indexContribution: PercentHundredths | null;
}

export interface ChangeExplanation {
  pointsChange: Hundredths;
  maxChange: Hundredths;
  /** change of the index in percentage points (exact, then rounded half away from zero) */
  indexChange: PercentHundredths | null;
  /**
   * the part of the index change due to the maximum alone: previous total × (1/max − 1/previous max).
   * Field contributions plus this term equal `indexChange` before rounding.
   */
  maxEffect: PercentHundredths | null;
  /** previousRank − rank when both ranks were given */
  placesUp: number | null;
  /** fields with a non-zero change, largest absolute points change first */
  fields: Contribution[];
  /** leaves with a non-zero change in points or max, largest absolute points change first */
  leaves: Contribution[];
}

/**
 * Explains a unit's change between two scorecards — two years, or two versions of a set for the
 * same year. Fields and leaves are matched by code. Ordering: absolute points change descending,
 * then falls before rises of the same size, then code; since every node's index contribution is its
 * points change over the same current maximum, this is also the order of influence on the index,
 * and so on the rank (which only moves with the index).
 */
export function explainChange(
  current: UnitScorecard,
  previous: UnitScorecard,
  ranks: { rank?: number | null; previousRank?: number | null } = {},
): ChangeExplanation {
  const indexed = current.max > 0 && previous.max > 0;
  const toIndex = (points: Hundredths): PercentHundredths | null =>
    current.max > 0 ? rationalToPercent(rational(points, current.max), 'half-away') : null;
  return {
    pointsChange: current.total - previous.total,
    maxChange: current.max - previous.max,
    indexChange: indexed
      ? rationalToPercent(subtractRationals(rational(current.total, current.max), rational(previous.total, previous.max)), 'half-away')
      : null,
    maxEffect: indexed
      ? rationalToPercent(subtractRationals(rational(previous.total, current.max), rational(previous.total, previous.max)), 'half-away')
      : null,
    placesUp: ranks.rank != null && ranks.previousRank != null ? ranks.previousRank - ranks.rank : null,
    fields: contributions(current.fields, previous.fields, toIndex),
    leaves: contributions(current.leaves, previous.leaves, toIndex),
  };
}

interface Scored {
  code: string;
  points: Hundredths;
  max: Hundredths;
}

function contributions(
  current: readonly Scored[],
  previous: readonly Scored[],
  toIndex: (points: Hundredths) => PercentHundredths | null,
): Contribution[] {
  const before = new Map(previous.map((node) => [node.code, node]));
  const now = new Set(current.map((node) => node.code));
  const result: Contribution[] = [];
  const push = (code: string, status: Contribution['status'], node: Scored | undefined, prior: Scored | undefined) => {
    const pointsChange = (node?.points ?? 0) - (prior?.points ?? 0);
    const maxChange = (node?.max ?? 0) - (prior?.max ?? 0);
    if (pointsChange === 0 && maxChange === 0 && status === 'changed') return;
    result.push({
      code,
      status,
      pointsChange,
      maxChange,
      points: node?.points ?? null,
      previousPoints: prior?.points ?? null,
      indexContribution: toIndex(pointsChange),
    });
  };
  for (const node of current) push(node.code, before.has(node.code) ? 'changed' : 'added', node, before.get(node.code));
  for (const prior of previous) if (!now.has(prior.code)) push(prior.code, 'removed', undefined, prior);
  return result.sort(
    (a, b) =>
      Math.abs(b.pointsChange) - Math.abs(a.pointsChange) ||
      a.pointsChange - b.pointsChange ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
