import type { Hundredths } from '../criteria/criteria-set';
import { divideRoundHalfUp, divideRoundHalfUpBig } from '../points/hundredths';
import { isWhole, toRational, type Fraction } from '../points/exact-sum';
import { compareIndex, compareRationals, percentOf, rationalToPercent, type PercentHundredths, type Rational } from '../points/ratio';

/** A unit's result in a group: its points and its own applicable maximum. */
export interface RankEntry {
  unitId: string;
  /** the published (rounded) total */
  total: Hundredths;
  max: Hundredths;
  /** the unrounded total in hundredths (e.g. UnitScorecard.exactTotal); when given, the index is computed from it */
  exactTotal?: Fraction;
}

export interface RankedEntry extends RankEntry {
  /** standard competition rank ("1, 2, 2, 4"); null when the unit has no applicable maximum */
  rank: number | null;
  /** 1-based place in the ordered list, unique; ties are ordered by the documented tiebreak */
  position: number;
  percent: PercentHundredths | null;
}

export interface RankOptions {
  /**
   * 'index' (default): rank on total ÷ max, compared exactly as rationals — the published PAR
   * Index ranks on the percentage, so units with different applicable maxima compare fairly.
   * 'points': rank on the total points alone.
   */
  by?: 'index' | 'points';
  /**
   * Decimals of the published percentage (default 2, a property of the criteria set). Units whose
   * index is equal at this precision share a rank: two units shown as 95.70 % are tied even when
   * their exact ratios differ in the fifth decimal.
   */
  precision?: number;
}

export const DEFAULT_INDEX_PRECISION = 2;

/** The index as published: total ÷ max as a percentage, rounded half up to `precision` decimals, scaled to an integer. */
export function publishedIndex(total: number | Fraction, max: number, precision: number): bigint {
  const exact = typeof total === 'number' ? { num: BigInt(total), den: 1n } : toRational(total);
  return divideRoundHalfUpBig(exact.num * 10n ** BigInt(precision + 2), exact.den * BigInt(max));
}

/** total ÷ max as an (unreduced) rational: compared by cross-multiplication, so no gcd is needed */
/**
 * `publishedIndex` as a plain number (a percentage scaled by 10^precision is at most 10^8): in float-safe
 * integer arithmetic when the operands allow, in BigInt otherwise.
 */
function publishedIndexNumber(total: number | Fraction, max: number, precision: number): number {
  const scale = 10 ** (precision + 2);
  const num = typeof total === 'number' ? total : total.num;
  const den = typeof total === 'number' ? 1 : total.den;
  if (typeof num === 'number' && typeof den === 'number') {
    const scaled = num * scale;
    const divisor = den * max;
    if (Number.isSafeInteger(2 * scaled + divisor) && Number.isSafeInteger(2 * divisor)) return divideRoundHalfUp(scaled, divisor);
  }
  return Number(publishedIndex(total, max, precision));
}

const exactIndex = (entry: RankEntry): Rational => {
  const exact = toRational(entry.exactTotal!);
  return { num: exact.num, den: exact.den * BigInt(entry.max) };
};
const hasFraction = (entry: RankEntry) => entry.exactTotal !== undefined && !isWhole(entry.exactTotal);

/** The entry's total as it is exactly: `exactTotal` when given, else the (then exact) `total`. */
export const exactTotalOf = (entry: RankEntry): Rational =>
  hasFraction(entry) ? toRational(entry.exactTotal!) : { num: BigInt(entry.total), den: 1n };

/** The entry's index (total ÷ max, max > 0) exactly, as an unreduced rational: from `exactTotal` when given. */
export const exactIndexOf = (entry: RankEntry): Rational =>
  hasFraction(entry) ? exactIndex(entry) : { num: BigInt(entry.total), den: BigInt(entry.max) };

/** Exact comparison of two entries' indexes (both maxima > 0): negative when a's index is lower. */
export function compareExactIndex(a: RankEntry, b: RankEntry): number {
  if (!hasFraction(a) && !hasFraction(b)) return compareIndex(a.total, a.max, b.total, b.max);
  return compareRationals(exactIndex(withExact(a)), exactIndex(withExact(b)));
}

/**
 * Ranks a group (block) of units on their exact index (from `exactTotal` when given: the sum of
 * unrounded parts, never the rounded total). Scores equal at the published precision share a rank (standard
 * competition ranking: 1, 2, 2, 4). Inside a tie, units are listed by their exact index (highest
 * first), then by unitId ascending (UTF-16 code unit order, locale-independent); neither changes a rank. Units whose applicable maximum is 0 have no
 * index: they get rank null and are listed last, by unitId.
 */
export function rankGroup(entries: readonly RankEntry[], options: RankOptions = {}): RankedEntry[] {
  const byPoints = options.by === 'points';
  const precision = options.precision ?? DEFAULT_INDEX_PRECISION;
  if (!Number.isInteger(precision) || precision < 0 || precision > 6)
    throw new RangeError(`precision ${precision} must be an integer from 0 to 6`);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.unitId)) throw new RangeError(`unit "${entry.unitId}" appears twice in the group`);
    seen.add(entry.unitId);
    if (!Number.isSafeInteger(entry.total) || !Number.isSafeInteger(entry.max) || entry.max < 0) {
      throw new RangeError(`unit "${entry.unitId}": total ${entry.total} and max ${entry.max} must be integers, max ≥ 0`);
    }
  }
  const rankable = entries.filter((entry) => byPoints || entry.max > 0);
  const unrankable = entries.filter((entry) => !byPoints && entry.max <= 0);
  // each entry's score (points, or the index at the published precision) computed once, not per comparison
  const scored = rankable.map((entry) => ({
    entry,
    score: byPoints ? entry.total : publishedIndexNumber(hasFraction(entry) ? entry.exactTotal! : entry.total, entry.max, precision),
  }));
  const exactOrder = (a: RankEntry, b: RankEntry) => (byPoints ? 0 : compareExactIndex(b, a));
  scored.sort((a, b) => b.score - a.score || exactOrder(a.entry, b.entry) || compareIds(a.entry.unitId, b.entry.unitId));

  const ranked: RankedEntry[] = [];
  for (let i = 0; i < scored.length; i++) {
    const { entry, score } = scored[i];
    const rank = i > 0 && scored[i - 1].score === score ? ranked[i - 1].rank : i + 1;
    const percent = hasFraction(entry) ? rationalToPercent(exactIndexOf(entry)) : percentOf(entry.total, entry.max);
    ranked.push({ ...exactPart(entry), unitId: entry.unitId, total: entry.total, max: entry.max, rank, position: i + 1, percent });
  }
  unrankable.sort((a, b) => compareIds(a.unitId, b.unitId));
  for (const entry of unrankable) {
    ranked.push({ unitId: entry.unitId, total: entry.total, max: entry.max, rank: null, position: ranked.length + 1, percent: null });
  }
  return ranked;
}

/** `{ exactTotal }` when the entry has a fractional one (kept on the ranked entry, for exact changes), else nothing. */
const exactPart = (entry: RankEntry): Pick<RankEntry, 'exactTotal'> => (hasFraction(entry) ? { exactTotal: entry.exactTotal } : {});

const withExact = (entry: RankEntry): RankEntry => (entry.exactTotal ? entry : { ...entry, exactTotal: { num: entry.total, den: 1 } });

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
