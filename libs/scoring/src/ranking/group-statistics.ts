import type { Hundredths } from '../criteria/criteria-set';
import { formatPoints } from '../points/hundredths';
import {
  addRationals,
  compareIndex,
  divideRational,
  rational,
  rationalToHundredths,
  rationalToPercent,
  type PercentHundredths,
  type Rational,
} from '../points/ratio';
import { compareIds, type RankEntry } from './rank-group';

export interface PercentBand {
  /** "≥ 90%", "80–90%", "< 80%" */
  label: string;
  /** inclusive lower bound in hundredths of a percent; null = no lower bound */
  from: PercentHundredths | null;
  /** exclusive upper bound; null = no upper bound */
  to: PercentHundredths | null;
  count: number;
  unitIds: string[];
}

export interface GroupStatistics {
  /** every unit of the group */
  count: number;
  /** units with an index (applicable max > 0); all figures below are over these */
  indexed: number;
  averagePercent: PercentHundredths | null;
  medianPercent: PercentHundredths | null;
  minPercent: PercentHundredths | null;
  maxPercent: PercentHundredths | null;
  /** units sharing the lowest / highest index (all of them when tied), by unitId */
  lowestUnitIds: string[];
  highestUnitIds: string[];
  /** units whose index is strictly above the average index, compared exactly */
  countAboveAverage: number;
  /** mean of the totals in points (meaningful when the units share a maximum) */
  averagePoints: Hundredths | null;
  bands: PercentBand[];
}

/**
 * Statistics of a group's indexes (each unit's points ÷ own applicable maximum). Average, median
 * and band membership are computed on exact rationals and only rounded for the figures returned,
 * so "count above the average" and band counts never depend on rounding.
 * `bandThresholds` are lower bounds in hundredths of a percent, e.g. [9000, 8000] gives the
 * bands ≥ 90%, 80–90%, < 80%.
 */
export function groupStatistics(entries: readonly RankEntry[], bandThresholds: readonly PercentHundredths[] = [9000, 8000]): GroupStatistics {
  const sorted = entries
    .filter((entry) => entry.max > 0)
    .sort((a, b) => compareIndex(a.total, a.max, b.total, b.max) || compareIds(a.unitId, b.unitId));
  const bands = makeBands(bandThresholds);
  for (const { unitId, total, max } of sorted) {
    const band = bands.find((b) => b.from === null || compareIndex(total, max, b.from, 10000) >= 0)!;
    band.count++;
    band.unitIds.push(unitId);
  }
  const n = sorted.length;
  if (n === 0) {
    return {
      count: entries.length, indexed: 0, averagePercent: null, medianPercent: null, minPercent: null, maxPercent: null,
      lowestUnitIds: [], highestUnitIds: [], countAboveAverage: 0, averagePoints: null, bands,
    };
  }
  const average = averageIndex(sorted);
  const indexOf = (entry: RankEntry): Rational => rational(entry.total, entry.max);
  const median: Rational =
    n % 2 === 1 ? indexOf(sorted[(n - 1) / 2]) : divideRational(addRationals(indexOf(sorted[n / 2 - 1]), indexOf(sorted[n / 2])), 2);
  const [lowest, highest] = [sorted[0], sorted[n - 1]];
  const same = (a: RankEntry) => (b: RankEntry) => compareIndex(a.total, a.max, b.total, b.max) === 0;
  const totalPoints = sorted.reduce((sum, entry) => sum + BigInt(entry.total), 0n);
  return {
    count: entries.length,
    indexed: n,
    averagePercent: rationalToPercent(average),
    medianPercent: rationalToPercent(median),
    minPercent: rationalToPercent(indexOf(lowest)),
    maxPercent: rationalToPercent(indexOf(highest)),
    lowestUnitIds: sorted.filter(same(lowest)).map((entry) => entry.unitId),
    highestUnitIds: sorted.filter(same(highest)).map((entry) => entry.unitId),
    // index > average  ⇔  total · average.den > average.num · max  (max > 0, den > 0)
    countAboveAverage: sorted.filter((entry) => BigInt(entry.total) * average.den > average.num * BigInt(entry.max)).length,
    averagePoints: rationalToHundredths(rational(totalPoints, n)),
    bands,
  };
}

/** Mean of total ÷ max over the entries, exact: totals are summed per distinct maximum first, so
 * a block sharing one maximum costs a single division instead of one fraction per unit. */
function averageIndex(entries: readonly RankEntry[]): Rational {
  const totalsByMax = new Map<number, bigint>();
  for (const { total, max } of entries) totalsByMax.set(max, (totalsByMax.get(max) ?? 0n) + BigInt(total));
  let sum = rational(0);
  for (const [max, total] of totalsByMax) sum = addRationals(sum, rational(total, max));
  return divideRational(sum, entries.length);
}

function makeBands(thresholds: readonly PercentHundredths[]): PercentBand[] {
  const descending = [...new Set(thresholds)].sort((a, b) => b - a);
  for (const t of descending) if (!Number.isSafeInteger(t)) throw new RangeError(`band threshold ${t} must be an integer`);
  const pct = (t: number) => `${formatPoints(t).replace(/\.00$/, '')}%`;
  const bands: PercentBand[] = descending.map((from, i) => ({
    label: i === 0 ? `≥ ${pct(from)}` : `${pct(from).slice(0, -1)}–${pct(descending[i - 1])}`,
    from,
    to: i === 0 ? null : descending[i - 1],
    count: 0,
    unitIds: [],
  }));
  const lowest = descending[descending.length - 1];
  bands.push({ label: lowest === undefined ? 'all' : `< ${pct(lowest)}`, from: null, to: lowest ?? null, count: 0, unitIds: [] });
  return bands;
}
