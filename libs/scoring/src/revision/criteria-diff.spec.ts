import fc from 'fast-check';
import type { CriteriaSet } from '../criteria/criteria-set';
import { validateCriteriaSet } from '../criteria/validate';
import { appraisedLeaf, criteriaSet, group, surveyLeaf } from '../testing/sample-sets.test-support';
import { criteriaSetArb } from '../testing/arbitraries.test-support';
import { applyCriteriaDiff, CriteriaDiffConflictError } from './apply-criteria-diff';
import { diffCriteriaSets } from './criteria-diff';

const v1 = criteriaSet([
  group('F1', [group('F1.1', [appraisedLeaf('F1.1.1', 500), appraisedLeaf('F1.1.2', 500)]), appraisedLeaf('F1.2', 1000)]),
  group('F8', [surveyLeaf('SIPAS', 1000, 'SIPAS', { kind: 'linear', from: 0, to: 100 })]),
]);

describe('diffCriteriaSets / applyCriteriaDiff', () => {
  it('given identical versions, when diffed, then nothing changes but the identity', () => {
    const diff = diffCriteriaSets(v1, { ...v1, version: 2 });
    expect(diff).toMatchObject({ maxTotal: null, added: [], removed: [], moved: [], changed: [], children: [] });
    expect(diff.to.version).toBe(2);
  });

  it('given a revision that changes a maximum and a rule (SIPAS method changed), when diffed, then both are recorded', () => {
    const v2 = criteriaSet(
      [
        group('F1', [group('F1.1', [appraisedLeaf('F1.1.1', 500), appraisedLeaf('F1.1.2', 500)]), appraisedLeaf('F1.2', 500)]),
        group('F8', [surveyLeaf('SIPAS', 1500, 'SIPAS', { kind: 'linear', from: 50, to: 100 })]),
      ],
      { version: 2 },
    );
    const diff = diffCriteriaSets(v1, v2);
    expect(diff.changed).toEqual([
      { code: 'F1', max: { from: 2000, to: 1500 } },
      { code: 'F1.2', max: { from: 1000, to: 500 } },
      { code: 'F8', max: { from: 1000, to: 1500 } },
      {
        code: 'SIPAS',
        max: { from: 1000, to: 1500 },
        scoring: {
          from: { kind: 'survey', survey: 'SIPAS', rule: { kind: 'linear', from: 0, to: 100 } },
          to: { kind: 'survey', survey: 'SIPAS', rule: { kind: 'linear', from: 50, to: 100 } },
        },
      },
    ]);
    expect(diff.maxTotal).toBeNull();
    expect(applyCriteriaDiff(v1, diff)).toEqual(v2);
  });

  it('given a revision that adds, removes and moves leaves, when diffed, then each is recorded and applying rebuilds the new set', () => {
    const v2 = criteriaSet(
      [
        group('F1', [group('F1.1', [appraisedLeaf('F1.1.1', 500)]), appraisedLeaf('F1.2', 1000), appraisedLeaf('F1.3', 700)]),
        group('F8', [surveyLeaf('SIPAS', 1000, 'SIPAS', { kind: 'linear', from: 0, to: 100 }), appraisedLeaf('F1.1.2', 500)]),
      ],
      { version: 2 },
    );
    const diff = diffCriteriaSets(v1, v2);
    expect(diff.added).toEqual([{ code: 'F1.3', parentCode: 'F1', node: appraisedLeaf('F1.3', 700) }]);
    expect(diff.removed).toEqual([]);
    expect(diff.moved).toEqual([{ code: 'F1.1.2', fromParent: 'F1.1', toParent: 'F8' }]);
    expect(diff.children.map((c) => c.parentCode)).toEqual(['F1', 'F1.1', 'F8']);
    expect(diff.maxTotal).toEqual({ from: 3000, to: 3700 });
    expect(applyCriteriaDiff(v1, diff)).toEqual(v2);
    expect(validateCriteriaSet(applyCriteriaDiff(v1, diff))).toEqual([]);
  });

  it('given a criterion that becomes a leaf, when diffed, then it is removed and added with its new shape', () => {
    const v2 = criteriaSet([group('F1', [appraisedLeaf('F1.1', 1000), appraisedLeaf('F1.2', 1000)]), v1.fields[1]], { version: 2 });
    const diff = diffCriteriaSets(v1, v2);
    expect(diff.removed.map((r) => r.code)).toEqual(['F1.1', 'F1.1.1', 'F1.1.2']);
    expect(diff.added.map((a) => a.code)).toEqual(['F1.1']);
    expect(applyCriteriaDiff(v1, diff)).toEqual(v2);
  });

  it('given a diff taken from another version, when applied, then it is refused', () => {
    const diff = diffCriteriaSets(v1, { ...v1, version: 2 });
    expect(() => applyCriteriaDiff({ ...v1, version: 3 }, diff)).toThrow(CriteriaDiffConflictError);
  });

  it('given a set that no longer matches the diff "from" values, when applied, then it is refused naming the node', () => {
    const v2 = { ...v1, version: 2, fields: [{ ...v1.fields[0], name: 'Direction of PAR' }, v1.fields[1]] };
    const diff = diffCriteriaSets(v1, v2);
    const drifted: CriteriaSet = { ...v1, fields: [{ ...v1.fields[0], name: 'something else' }, v1.fields[1]] };
    expect(() => applyCriteriaDiff(drifted, diff)).toThrow(/"F1": name/);
  });

  describe('properties', () => {
    it('a revision diff applied to the old set yields the new one', () => {
      fc.assert(
        fc.property(criteriaSetArb(), criteriaSetArb({ version: 2, year: 2023 }), (a, b) => {
          expect(applyCriteriaDiff(a, diffCriteriaSets(a, b))).toEqual(b);
        }),
        { numRuns: 300 },
      );
    });

    it('the diff of a set with itself changes nothing, and applying it returns an equal set', () => {
      fc.assert(
        fc.property(criteriaSetArb(), (a) => {
          const diff = diffCriteriaSets(a, a);
          expect([diff.added, diff.removed, diff.moved, diff.changed, diff.children]).toEqual([[], [], [], [], []]);
          expect(applyCriteriaDiff(a, diff)).toEqual(a);
        }),
      );
    });

    it('a diff survives JSON serialisation (it is stored in events)', () => {
      fc.assert(
        fc.property(criteriaSetArb(), criteriaSetArb({ version: 2 }), (a, b) => {
          const diff = JSON.parse(JSON.stringify(diffCriteriaSets(a, b)));
          expect(applyCriteriaDiff(a, diff)).toEqual(b);
        }),
        { numRuns: 100 },
      );
    });
  });
});
