import fc from 'fast-check';
import type { CriteriaNode, CriteriaSet, CriterionGroup, LeafCriterion, LeafScoring } from '../criteria/criteria-set';
import { listLeaves, leafBounds } from '../criteria/tree';
import type { LeafInput } from '../scorecard/scorecard';

type LeafTemplate = { type: 'leaf'; name: string; max: number; scoring: LeafScoring };
type GroupTemplate = { type: 'group'; name: string; children: NodeTemplate[] };
type NodeTemplate = LeafTemplate | GroupTemplate;

/** Codes that name Object.prototype members are in the pool: lookups keyed by code must not see the prototype. */
export const PROTOTYPE_CODES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'toLocaleString'];
const CODE_POOL = [...PROTOTYPE_CODES, ...Array.from({ length: 60 - PROTOTYPE_CODES.length }, (_, i) => `C${i}`)];

const scoringArb: fc.Arbitrary<{ max: number; scoring: LeafScoring }> = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map((max) => ({ max, scoring: { kind: 'appraised' } as LeafScoring })),
  fc
    .tuple(
      fc.integer({ min: 1, max: 2000 }),
      fc.constantFrom('SIPAS', 'leaders'),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 51, max: 100 }),
      fc.boolean(),
    )
    .map(([max, survey, low, high, reversed]) => ({
      max,
      scoring: {
        kind: 'survey',
        survey,
        rule: reversed ? { kind: 'linear', from: high, to: low } : { kind: 'linear', from: low, to: high },
      } as LeafScoring,
    })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom('socio-economic', 'budget'),
      fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
    )
    .chain(([max, indicator, mins]) =>
      fc.array(fc.integer({ min: 0, max }), { minLength: mins.length, maxLength: mins.length }).map((points) => ({
        max,
        scoring: {
          kind: 'indicator',
          indicator,
          rule: { kind: 'bands', bands: [...mins].sort((a, b) => a - b).map((min, i) => ({ min, points: points[i] })) },
        } as LeafScoring,
      })),
    ),
  fc.integer({ min: -500, max: -1 }).map((floor) => ({ max: 0, scoring: { kind: 'deduction', floor } as LeafScoring })),
);

const nameArb = fc.constantFrom('planning', 'institutions', 'procedures', 'apparatus', 'civil service', 'finance', 'digital');
const leafTemplateArb: fc.Arbitrary<LeafTemplate> = fc
  .tuple(nameArb, scoringArb)
  .map(([name, { max, scoring }]) => ({ type: 'leaf', name, max, scoring }));
const criterionArb: fc.Arbitrary<NodeTemplate> = fc.oneof(
  leafTemplateArb,
  fc
    .tuple(nameArb, fc.array(leafTemplateArb, { minLength: 1, maxLength: 3 }))
    .map(([name, children]): NodeTemplate => ({ type: 'group', name, children })),
);
const fieldArb: fc.Arbitrary<GroupTemplate> = fc
  .tuple(nameArb, fc.array(criterionArb, { minLength: 1, maxLength: 3 }))
  .map(([name, children]) => ({ type: 'group', name, children }));

/** Valid criteria sets of up to 3 fields × 3 criteria × 3 leaves, codes drawn from a shared pool. */
export const criteriaSetArb = (overrides: Partial<CriteriaSet> = {}): fc.Arbitrary<CriteriaSet> =>
  fc
    .tuple(fc.array(fieldArb, { minLength: 1, maxLength: 3 }), fc.shuffledSubarray(CODE_POOL, { minLength: CODE_POOL.length }))
    .map(([fields, codes]) => {
      let next = 0;
      const build = (template: NodeTemplate): CriteriaNode => {
        const code = codes[next++];
        if (template.type === 'leaf') return { type: 'leaf', code, name: template.name, max: template.max, scoring: template.scoring };
        const children = template.children.map(build);
        return { type: 'group', code, name: template.name, max: children.reduce((sum, child) => sum + child.max, 0), children };
      };
      const built = fields.map(build) as CriterionGroup[];
      return {
        code: 'PAR-GEN',
        year: 2022,
        level: 'province',
        version: 1,
        maxTotal: built.reduce((sum, field) => sum + field.max, 0),
        fields: built,
        ...overrides,
      };
    });

const leafInputArb = (leaf: LeafCriterion): fc.Arbitrary<LeafInput> => {
  const { min, max } = leafBounds(leaf);
  const points = fc.integer({ min, max });
  const common = [
    fc.record({ selfScore: points, appraisedScore: points }),
    fc.record({ selfScore: points }),
    fc.constant({ notApplicable: true }),
    fc.constant({}),
  ];
  return leaf.scoring.kind === 'survey' || leaf.scoring.kind === 'indicator'
    ? fc.oneof(
        fc.double({ min: -10, max: 110, noNaN: true }).map((rawValue) => ({ rawValue })),
        ...common,
      )
    : fc.oneof(...common);
};

/** Inputs for every leaf of a set (each leaf: scores within bounds, a raw value, N/A or nothing). */
export const leafInputsArb = (set: CriteriaSet): fc.Arbitrary<Record<string, LeafInput>> =>
  fc
    .tuple(...listLeaves(set).map(leafInputArb))
    .map((inputs) => Object.fromEntries(listLeaves(set).map((leaf, i) => [leaf.code, inputs[i]])));

/** A group of units with totals and maxima, unique ids, for ranking properties. */
export const rankEntriesArb = (options: { sameMax?: boolean; maxLength?: number } = {}) =>
  fc
    .tuple(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: options.maxLength ?? 40 }),
      fc.integer({ min: 1, max: 20000 }),
    )
    .chain(([ids, commonMax]) =>
      fc.tuple(
        ...ids.map((unitId) =>
          (options.sameMax ? fc.constant(commonMax) : fc.integer({ min: 1, max: 20000 })).chain((max) =>
            // a small range of totals makes ties frequent
            fc.integer({ min: 0, max: 20 }).map((step) => ({ unitId, total: Math.floor((max * step) / 20), max })),
          ),
        ),
      ),
    );
