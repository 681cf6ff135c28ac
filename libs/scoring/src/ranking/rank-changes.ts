import type { Hundredths } from '../criteria/criteria-set';
import { formatPoints } from '../points/hundredths';
import { rationalToPercent, subtractRationals, type PercentHundredths } from '../points/ratio';
import { exactIndexOf, type RankedEntry } from './rank-group';

export interface RankChange {
  unitId: string;
  rank: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up ("up 8 places"); null when either rank is missing */
  placesUp: number | null;
  total: Hundredths;
  previousTotal: Hundredths | null;
  /** change in points (hundredths), exact */
  pointsChange: Hundredths | null;
  percent: PercentHundredths | null;
  previousPercent: PercentHundredths | null;
  /**
   * change of the index in percentage points, computed exactly from both fractions and only then
   * rounded (half away from zero, so rises and falls round symmetrically); null if either index is missing
   */
  percentChange: PercentHundredths | null;
}

/**
 * Rank and score changes of every unit of the current ranking against the previous one (e.g. last
 * year's ranking of the same group), in the current ranking's order. Units absent last year get
 * nulls for every "previous" figure.
 */
export function rankChanges(current: readonly RankedEntry[], previous: readonly RankedEntry[]): RankChange[] {
  const before = new Map(previous.map((entry) => [entry.unitId, entry]));
  return current.map((entry) => {
    const prior = before.get(entry.unitId);
    const hasBothIndexes = prior !== undefined && prior.max > 0 && entry.max > 0;
    return {
      unitId: entry.unitId,
      rank: entry.rank,
      previousRank: prior?.rank ?? null,
      placesUp: entry.rank !== null && prior?.rank != null ? prior.rank - entry.rank : null,
      total: entry.total,
      previousTotal: prior?.total ?? null,
      pointsChange: prior === undefined ? null : entry.total - prior.total,
      percent: entry.percent,
      previousPercent: prior?.percent ?? null,
      percentChange: hasBothIndexes ? rationalToPercent(subtractRationals(exactIndexOf(entry), exactIndexOf(prior)), 'half-away') : null,
    };
  });
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "up 8 places, from 11th to 3rd", "down 1 place, from 2nd to 3rd", "unchanged at 4th", "new at 5th". */
export function describeRankChange(change: Pick<RankChange, 'rank' | 'previousRank'>): string {
  const { rank, previousRank } = change;
  if (rank === null) return 'not ranked';
  if (previousRank === null) return `new at ${ordinal(rank)}`;
  if (rank === previousRank) return `unchanged at ${ordinal(rank)}`;
  const places = Math.abs(previousRank - rank);
  const direction = rank < previousRank ? 'up' : 'down';
  return `${direction} ${places} place${places === 1 ? '' : 's'}, from ${ordinal(previousRank)} to ${ordinal(rank)}`;
}

/** "up 13.50 points", "down 21.07 points", "unchanged"; works for points and percentage points. */
export function describeScoreChange(change: Hundredths | null): string {
  if (change === null) return 'no previous result';
  if (change === 0) return 'unchanged';
  return `${change > 0 ? 'up' : 'down'} ${formatPoints(Math.abs(change))} point${Math.abs(change) === 100 ? '' : 's'}`;
}
