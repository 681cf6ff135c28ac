import { listLeaves, validateCriteriaSet, type CriteriaSet } from '@par-index/scoring';
import { DEMO_LEVELS, demoCriteriaSet } from './demo-criteria-sets';

const asSet = (level: (typeof DEMO_LEVELS)[number], year: number): CriteriaSet => {
  const demo = demoCriteriaSet(level, year);
  return { code: demo.code, year, level, version: 1, maxTotal: demo.fields.reduce((s, f) => s + f.max, 0), fields: demo.fields };
};

describe('demo criteria sets', () => {
  it('the provincial set has the real shape: 8 fields, 37 criteria, 88 leaves, 68 appraised + 32 survey points', () => {
    const set = asSet('province', 2023);
    const leaves = listLeaves(set);
    const pointsOf = (kind: string) => leaves.filter((l) => l.scoring.kind === kind).reduce((s, l) => s + l.max, 0);
    expect(set.fields).toHaveLength(8);
    expect(set.fields.reduce((s, f) => s + f.children.length, 0)).toBe(37);
    expect(leaves).toHaveLength(88);
    expect(pointsOf('appraised')).toBe(6800);
    expect(pointsOf('survey')).toBe(3200);
  });

  it.each(DEMO_LEVELS.flatMap((level) => [2023, 2024].map((year) => [level, year] as const)))(
    '%s %i is a valid set of 100 points',
    (level, year) => {
      const set = asSet(level, year);
      expect(validateCriteriaSet(set)).toEqual([]);
      expect(set.maxTotal).toBe(10_000);
    },
  );

  it('departments have 7 fields, districts 8, central agencies fewer', () => {
    expect(asSet('department', 2023).fields).toHaveLength(7);
    expect(asSet('district', 2023).fields).toHaveLength(8);
    expect(asSet('central_agency', 2023).fields.length).toBeLessThan(7);
  });

  it('2024 revises 2023: one more digital-government leaf and a stricter SIPAS scale', () => {
    const before = listLeaves(asSet('department', 2023));
    const after = listLeaves(asSet('department', 2024));
    expect(after.length).toBe(before.length + 1);
    const sipas = (leaves: typeof before) => leaves.find((l) => l.scoring.kind === 'survey')!.scoring;
    expect(sipas(before)).toMatchObject({ rule: { from: 50 } });
    expect(sipas(after)).toMatchObject({ rule: { from: 60 } });
  });
});
