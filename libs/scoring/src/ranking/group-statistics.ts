import type { Hundredths } from '../criteria/criteria-set';
import { formatPoints } from '../points/hundredths';
import {
  addRationals,
  compareRationals,
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
  const indexed = entries.filter((entry) => entry.max > 0);
  const ratios = indexed.map((entry) => ({ unitId: entry.unitId, value: rational(entry.total, entry.max) }));
  const sorted = [...ratios].sort((a, b) => compareRationals(a.value, b.value) || compareIds(a.unitId, b.unitId));
  const bands = makeBands(bandThresholds);
  for (const { unitId, value } of sorted) {
    const band = bands.find((b) => b.from === null || compareRationals(value, rational(b.from, 10000)) >= 0)!;
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
  const average = divideRational(ratios.reduce((sum, r) => addRationals(sum, r.value), rational(0)), n);
  const median: Rational =
    n % 2 === 1 ? sorted[(n - 1) / 2].value : divideRational(addRationals(sorted[n / 2 - 1].value, sorted[n / 2].value), 2);
  const lowest = sorted[0].value;
  const highest = sorted[n - 1].value;
  const totalPoints = indexed.reduce((sum, entry) => sum + BigInt(entry.total), 0n);
  return {
    count: entries.length,
    indexed: n,
    averagePercent: rationalToPercent(average),
    medianPercent: rationalToPercent(median),
    minPercent: rationalToPercent(lowest),
    maxPercent: rationalToPercent(highest),
    lowestUnitIds: sorted.filter((r) => compareRationals(r.value, lowest) === 0).map((r) => r.unitId),
    highestUnitIds: sorted.filter((r) => compareRationals(r.value, highest) === 0).map((r) => r.unitId),
    countAboveAverage: ratios.filter((r) => compareRationals(r.value, average) > 0).length,
    averagePoints: rationalToHundredths(rational(totalPoints, n)),
    bands,
  };
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
