import fc from 'fast-check';
import type { CriteriaNode, CriteriaSet } from '../criteria/criteria-set';
import { appraisedLeaf, criteriaSet, group } from '../testing/sample-sets.test-support';
import { criteriaSetArb, leafInputsArb } from '../testing/arbitraries.test-support';
import { scoreUnit } from '../scorecard/score-unit';
import type { LeafInput } from '../scorecard/scorecard';
import { fieldPositions, rankScorecards, zeroLeafReport } from './rank-scorecards';

const set = criteriaSet([
  group('INST', [appraisedLeaf('I1', 500), appraisedLeaf('I2', 500)]),
  group('DIGI', [appraisedLeaf('G1', 1000)]),
  group('PROC', [appraisedLeaf('P1', 1000)]),
]);
const score = (unitId: string, i1: number, i2: number, g1: number, p1: number) => ({
  unitId,
  scorecard: scoreUnit(set, {
    I1: { appraisedScore: i1 },
    I2: { appraisedScore: i2 },
    G1: { appraisedScore: g1 },
    P1: { appraisedScore: p1 },
  }),
});
const block = [score('A', 500, 500, 900, 700), score('B', 400, 0, 1000, 700), score('C', 450, 450, 500, 600)];

describe('rankScorecards', () => {
  it('given a block, when ranked, then there is an overall ranking and one per field', () => {
    const rankings = rankScorecards(block);
    expect(rankings.overall.map((e) => [e.unitId, e.rank, e.total])).toEqual([
      ['A', 1, 2600],
      ['B', 2, 2100],
      ['C', 3, 2000],
    ]);
    expect(Object.keys(rankings.fields)).toEqual(['INST', 'DIGI', 'PROC']);
    expect(rankings.fields.DIGI.map((e) => [e.unitId, e.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
    expect(rankings.fields.PROC.map((e) => [e.unitId, e.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });

  it('given field rankings, when positions are read, then each unit knows the fields where it is first and last', () => {
    const positions = fieldPositions(rankScorecards(block).fields);
    expect(positions).toEqual([
      { unitId: 'A', first: ['INST', 'PROC'], last: [] },
      { unitId: 'C', first: [], last: ['DIGI', 'PROC'] },
      { unitId: 'B', first: ['DIGI', 'PROC'], last: ['INST'] },
    ]);
  });

  it('given a field where everybody ties, when positions are read, then nobody is last in it', () => {
    const tied = [score('A', 0, 0, 500, 0), score('B', 0, 0, 500, 0)];
    expect(fieldPositions(rankScorecards(tied).fields).map((p) => p.last)).toEqual([[], []]);
  });

  it('given leaves scored zero, when reported for the block, then each such leaf lists its units', () => {
    expect(zeroLeafReport(block)).toEqual([{ leafCode: 'I2', fieldCode: 'INST', unitIds: ['B'] }]);
  });

  it('property: scaling every maximum of the set (and every score with it) keeps the overall and field rankings', () => {
    const scaleSet = (s: CriteriaSet, k: number): CriteriaSet => {
      const scaleNode = (node: CriteriaNode): CriteriaNode =>
        node.type === 'leaf'
          ? {
              ...node,
              max: node.max * k,
              scoring:
                node.scoring.kind === 'deduction'
                  ? { ...node.scoring, floor: node.scoring.floor * k }
                  : node.scoring.kind === 'appraised' || node.scoring.rule.kind === 'linear'
                    ? node.scoring
                    : {
                        ...node.scoring,
                        rule: { kind: 'bands', bands: node.scoring.rule.bands.map((b) => ({ ...b, points: b.points * k })) },
                      },
            }
          : { ...node, max: node.max * k, children: node.children.map(scaleNode) };
      return { ...s, maxTotal: s.maxTotal * k, fields: s.fields.map((f) => scaleNode(f) as CriteriaSet['fields'][number]) };
    };
    const scaleInput = (input: LeafInput, k: number): LeafInput => ({
      ...input,
      ...(input.selfScore !== undefined ? { selfScore: input.selfScore * k } : {}),
      ...(input.appraisedScore !== undefined ? { appraisedScore: input.appraisedScore * k } : {}),
    });
    const arb = criteriaSetArb().chain((s) =>
      fc.tuple(fc.constant(s), fc.array(leafInputsArb(s), { minLength: 2, maxLength: 8 }), fc.integer({ min: 2, max: 50 })),
    );
    fc.assert(
      fc.property(arb, ([s, unitInputs, k]) => {
        // linear rules are not scaled exactly by rounding, so raw values are dropped here
        const noRaw = unitInputs.map((inputs) =>
          Object.fromEntries(Object.entries(inputs).map(([c, i]) => [c, { ...i, rawValue: undefined }])),
        );
        const units = (set2: CriteriaSet, factor: number) =>
          noRaw.map((inputs, u) => ({
            unitId: `U${u}`,
            scorecard: scoreUnit(set2, Object.fromEntries(Object.entries(inputs).map(([c, i]) => [c, scaleInput(i, factor)]))),
          }));
        const strip = (r: ReturnType<typeof rankScorecards>) => [
          r.overall.map((e) => [e.unitId, e.rank]),
          Object.entries(r.fields).map(([code, list]) => [code, list.map((e) => [e.unitId, e.rank])]),
        ];
        expect(strip(rankScorecards(units(scaleSet(s, k), k)))).toEqual(strip(rankScorecards(units(s, 1))));
      }),
      { numRuns: 50 },
    );
  });
});
