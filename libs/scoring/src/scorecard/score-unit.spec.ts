import fc from 'fast-check';
import { formatPoints } from '../points/hundredths';
import { appraisedLeaf, criteriaSet, deductionLeaf, group, provincialSet2020 } from '../testing/sample-sets.test-support';
import { criteriaSetArb, leafInputsArb } from '../testing/arbitraries.test-support';
import { InvalidCriteriaSetError } from './compiled-set';
import { scoreUnit, ScoringInputError } from './score-unit';
import type { LeafInput } from './scorecard';

/** Binh Duong 2020 as published: 55.48 appraisal + 8.82 SIPAS + 20.27 leaders' survey + 2.36 socio-economic. */
const binhDuong2020: Record<string, LeafInput> = {
  'F1.1.1': { selfScore: 480, appraisedScore: 450 },
  'F1.1.2': { selfScore: 380 },
  'F2.1': { selfScore: 900, appraisedScore: 850 },
  'F3.1': { selfScore: 1000, appraisedScore: 950 },
  'F4.1': { selfScore: 700 },
  'F5.1': { selfScore: 870 },
  'F6.1': { selfScore: 650, appraisedScore: 598 },
  'F7.1': { selfScore: 750 },
  'F1.2': { rawValue: 9.2 },
  'F2.2': { rawValue: 9.2 },
  'F3.2': { rawValue: 9.275 },
  'F4.2': { rawValue: 9.2 },
  'F5.2': { rawValue: 9.2 },
  'F6.2': { rawValue: 9.2 },
  'F7.2': { rawValue: 9.2 },
  'F8.1': { rawValue: 88.2 },
  'F8.2': { rawValue: 8.8 },
  'F8.3': { rawValue: 6 },
};

describe('scoreUnit', () => {
  const set = provincialSet2020();

  it('given the Binh Duong 2020 results, when scored, then the sources split 55.48 + 8.82 + 20.27 + 2.36 and sum to 86.93 exactly', () => {
    const card = scoreUnit(set, binhDuong2020);
    const split = Object.fromEntries(card.bySource.map((source) => [source.key, formatPoints(source.points)]));
    expect(split).toEqual({
      appraisal: '55.48',
      'survey:leaders': '20.27',
      deduction: '0.00',
      'survey:SIPAS': '8.82',
      'indicator:socio-economic': '2.36',
    });
    expect(card.total).toBe(8693);
    expect(formatPoints(card.total)).toBe('86.93');
    expect(card.bySource.reduce((sum, source) => sum + source.points, 0)).toBe(card.total);
    expect(card.max).toBe(10000);
    expect(card.percent).toBe(8693);
    expect(card.bySource.find((s) => s.key === 'appraisal')?.max).toBe(6500);
  });

  it('given an appraised score and a self-score, when scored, then the appraised value counts; without appraisal the self-score counts', () => {
    const card = scoreUnit(set, binhDuong2020);
    expect(card.leaves.find((leaf) => leaf.code === 'F1.1.1')).toMatchObject({ points: 450, origin: 'appraised', fieldCode: 'F1' });
    expect(card.leaves.find((leaf) => leaf.code === 'F1.1.2')).toMatchObject({ points: 380, origin: 'self' });
    expect(card.leaves.find((leaf) => leaf.code === 'F8.1')).toMatchObject({ points: 882, origin: 'converted', source: 'survey:SIPAS' });
    expect(card.leaves.find((leaf) => leaf.code === 'F3.3')).toMatchObject({ points: 0, origin: 'missing', source: 'deduction' });
  });

  it('given not-applicable leaves, when scored, then the index is points ÷ the unit own applicable maximum (68.32 of 84 → 81.33%)', () => {
    const small = criteriaSet([group('F1', [appraisedLeaf('A', 5000), appraisedLeaf('B', 3400)]), group('F2', [appraisedLeaf('C', 1600)])]);
    const card = scoreUnit(small, { A: { appraisedScore: 4000 }, B: { appraisedScore: 2832 }, C: { notApplicable: true } });
    expect(card.total).toBe(6832);
    expect(card.max).toBe(8400);
    expect(card.nominalMax).toBe(10000);
    expect(formatPoints(card.percent!)).toBe('81.33');
    expect(card.fields[1]).toEqual({ code: 'F2', name: 'group F2', points: 0, max: 0, nominalMax: 1600, percent: null });
    expect(card.zeroLeaves).toEqual([]);
  });

  it('given field results, when scored, then each field has its total, applicable max and % of it', () => {
    const card = scoreUnit(set, binhDuong2020);
    expect(card.fields.map((f) => [f.code, f.points, f.max])).toEqual([
      ['F1', 450 + 380 + 276, 1200],
      ['F2', 850 + 276, 1300],
      ['F3', 950 + 371, 1500],
      ['F4', 700 + 276, 1100],
      ['F5', 870 + 276, 1300],
      ['F6', 598 + 276, 1000],
      ['F7', 750 + 276, 1300],
      ['F8', 882 + 176 + 60, 1300],
    ]);
    expect(card.fields[0].percent).toBe(9217); // 1106 / 1200 = 92.1666…% → 92.17
  });

  it('given a deduction, when scored, then it takes points away down to its floor and is its own source', () => {
    const card = scoreUnit(set, { ...binhDuong2020, 'F3.3': { selfScore: 0, appraisedScore: -100 } });
    expect(card.total).toBe(8593);
    expect(card.bySource.find((s) => s.key === 'deduction')?.points).toBe(-100);
    expect(() => scoreUnit(set, { 'F3.3': { appraisedScore: -101 } })).toThrow(/"F3.3".*-100..0/);
  });

  it('given leaves that scored zero, when scored, then they are listed (applicable, positive max only)', () => {
    const card = scoreUnit(set, { 'F1.1.1': { appraisedScore: 0 }, 'F1.1.2': { notApplicable: true } });
    expect(card.zeroLeaves).toContain('F1.1.1');
    expect(card.zeroLeaves).toContain('F2.1'); // missing input scores zero
    expect(card.zeroLeaves).not.toContain('F1.1.2');
    expect(card.zeroLeaves).not.toContain('F3.3');
  });

  it('given a survey leaf with points recorded directly, when scored, then those points count', () => {
    expect(scoreUnit(set, { 'F8.1': { appraisedScore: 700 } }).leaves.find((l) => l.code === 'F8.1')).toMatchObject({
      points: 700,
      origin: 'appraised',
    });
  });

  it('given inputs as a Map, when scored, then the result equals the record form', () => {
    expect(scoreUnit(set, new Map(Object.entries(binhDuong2020)))).toEqual(scoreUnit(set, binhDuong2020));
  });

  it.each([
    ['a score above the leaf max', { 'F2.1': { selfScore: 1001 } }, /"F2.1".*within 0..1000/],
    ['a negative score on an appraised leaf', { 'F2.1': { appraisedScore: -1 } }, /"F2.1"/],
    ['a fractional score', { 'F2.1': { selfScore: 10.5 } }, /"F2.1".*integer/],
    ['a code the set does not have', { 'F9.9': { selfScore: 1 } }, /no leaf "F9.9"/],
    ['a non-finite raw value', { 'F8.1': { rawValue: Number.POSITIVE_INFINITY } }, /"F8.1"/],
  ])('given %s, when scored, then it is rejected naming the leaf', (_label, inputs, message) => {
    expect(() => scoreUnit(set, inputs as Record<string, LeafInput>)).toThrow(message);
  });

  it('given a Map holding an undefined input, when scored, then it counts as no input rather than an unknown code', () => {
    expect(scoreUnit(set, new Map([['F2.1', undefined as unknown as LeafInput]])).total).toBe(0);
    expect(() =>
      scoreUnit(
        set,
        new Map([
          ['F2.1', { selfScore: 1 }],
          ['X', { selfScore: 1 }],
        ]),
      ),
    ).toThrow(/no leaf "X"/);
  });

  it('given a leaf code that is also an Object.prototype name, when scored from a record, then inherited members are not read as inputs', () => {
    const odd = criteriaSet([group('F1', [appraisedLeaf('constructor', 100), appraisedLeaf('toString', 100)])]);
    expect(scoreUnit(odd, { toString: { selfScore: 40 } }).total).toBe(40);
  });

  it('given an invalid set, when scoring against it, then it is refused with the set issues', () => {
    const bad = { ...set, maxTotal: 1 };
    expect(() => scoreUnit(bad, {})).toThrow(InvalidCriteriaSetError);
    expect(() => scoreUnit(bad, {})).toThrow(/maxTotal 1 differs/);
  });

  it('given a rejected input, when caught, then the error carries the leaf code', () => {
    try {
      scoreUnit(set, { 'F2.1': { selfScore: 5000 } });
      throw new Error('expected a ScoringInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(ScoringInputError);
      expect((error as ScoringInputError).leafCode).toBe('F2.1');
    }
  });

  describe('properties', () => {
    const setWithInputs = criteriaSetArb().chain((s) => leafInputsArb(s).map((inputs) => ({ set: s, inputs })));

    it('totals equal the sum of the leaves, of the fields and of the sources', () => {
      fc.assert(
        fc.property(setWithInputs, ({ set: s, inputs }) => {
          const card = scoreUnit(s, inputs);
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(card.leaves.map((l) => l.points))).toBe(card.total);
          expect(sum(card.fields.map((f) => f.points))).toBe(card.total);
          expect(sum(card.bySource.map((x) => x.points))).toBe(card.total);
          expect(sum(card.leaves.map((l) => l.max))).toBe(card.max);
          expect(sum(card.fields.map((f) => f.max))).toBe(card.max);
          expect(card.max).toBeLessThanOrEqual(s.maxTotal);
        }),
      );
    });

    it('every leaf scores an integer within its bounds, 0 when not applicable', () => {
      fc.assert(
        fc.property(setWithInputs, ({ set: s, inputs }) => {
          const card = scoreUnit(s, inputs);
          for (const leaf of card.leaves) {
            expect(Number.isSafeInteger(leaf.points)).toBe(true);
            if (inputs[leaf.code]?.notApplicable) expect([leaf.points, leaf.max, leaf.origin]).toEqual([0, 0, 'not_applicable']);
            expect(leaf.points).toBeLessThanOrEqual(leaf.max);
          }
        }),
      );
    });
  });
});

describe('deduction-only field', () => {
  it('given a field of deductions only, when scored, then its applicable max is 0 and its percent is null', () => {
    const s = criteriaSet([group('F1', [appraisedLeaf('A', 100)]), group('F2', [deductionLeaf('D', -50)])]);
    const card = scoreUnit(s, { A: { selfScore: 100 }, D: { selfScore: -50 } });
    expect(card.fields[1]).toMatchObject({ points: -50, max: 0, percent: null });
    expect(card.total).toBe(50);
    expect(card.percent).toBe(5000);
  });
});
