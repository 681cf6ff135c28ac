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
import { compareExactIndex, compareIds, exactIndexOf, exactTotalOf, type RankEntry } from './rank-group';

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
 * Statistics of a group's indexes (each unit's points ÷ own applicable maximum). Every figure is
 * computed from the exact totals (an entry's `exactTotal` when given: the unrounded sum of its
 * parts, never the displayed total) on exact rationals, and only rounded for the figures returned,
 * so "count above the average" and band counts never depend on rounding.
 * `bandThresholds` are lower bounds in hundredths of a percent, e.g. [9000, 8000] gives the
 * bands ≥ 90%, 80–90%, < 80%.
 */
export function groupStatistics(
  entries: readonly RankEntry[],
  bandThresholds: readonly PercentHundredths[] = [9000, 8000],
): GroupStatistics {
  const sorted = entries.filter((entry) => entry.max > 0).sort((a, b) => compareExactIndex(a, b) || compareIds(a.unitId, b.unitId));
  const bands = makeBands(bandThresholds);
  for (const entry of sorted) {
    // a band's lower bound in hundredths of a percent is the index from/10000
    const band = bands.find((b) => b.from === null || compareExactIndex(entry, { unitId: '', total: b.from, max: 10000 }) >= 0)!;
    band.count++;
    band.unitIds.push(entry.unitId);
  }
  const n = sorted.length;
  if (n === 0) {
    return {
      count: entries.length,
      indexed: 0,
      averagePercent: null,
      medianPercent: null,
      minPercent: null,
      maxPercent: null,
      lowestUnitIds: [],
      highestUnitIds: [],
      countAboveAverage: 0,
      averagePoints: null,
      bands,
    };
  }
  const average = averageIndex(sorted);
  const median: Rational =
    n % 2 === 1
      ? exactIndexOf(sorted[(n - 1) / 2])
      : divideRational(addRationals(exactIndexOf(sorted[n / 2 - 1]), exactIndexOf(sorted[n / 2])), 2);
  const [lowest, highest] = [sorted[0], sorted[n - 1]];
  const same = (a: RankEntry) => (b: RankEntry) => compareExactIndex(a, b) === 0;
  const totalPoints = sumOfExactTotals(sorted);
  return {
    count: entries.length,
    indexed: n,
    averagePercent: rationalToPercent(average),
    medianPercent: rationalToPercent(median),
    minPercent: rationalToPercent(exactIndexOf(lowest)),
    maxPercent: rationalToPercent(exactIndexOf(highest)),
    lowestUnitIds: sorted.filter(same(lowest)).map((entry) => entry.unitId),
    highestUnitIds: sorted.filter(same(highest)).map((entry) => entry.unitId),
    countAboveAverage: sorted.filter((entry) => compareRationals(exactIndexOf(entry), average) > 0).length,
    averagePoints: rationalToHundredths(divideRational(totalPoints, n)),
    bands,
  };
}

/** Mean of the exact total ÷ max over the entries: exact totals are summed per distinct maximum
 * first, so a block sharing one maximum costs a single division instead of one fraction per unit. */
function averageIndex(entries: readonly RankEntry[]): Rational {
  const totalsByMax = new Map<number, RankEntry[]>();
  for (const entry of entries) {
    const sharing = totalsByMax.get(entry.max);
    if (sharing) sharing.push(entry);
    else totalsByMax.set(entry.max, [entry]);
  }
  let sum = rational(0);
  for (const [max, sharing] of totalsByMax) sum = addRationals(sum, divideRational(sumOfExactTotals(sharing), max));
  return divideRational(sum, entries.length);
}

/** Σ exact totals: whole totals summed as integers, only fractional ones as fractions. */
function sumOfExactTotals(entries: readonly RankEntry[]): Rational {
  let whole = 0n;
  let fractions = rational(0);
  for (const entry of entries) {
    const exact = exactTotalOf(entry);
    if (exact.den === 1n) whole += exact.num;
    else fractions = addRationals(fractions, exact);
  }
  return addRationals(fractions, rational(whole));
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
