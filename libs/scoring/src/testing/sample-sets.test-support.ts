import type { ConversionRule, CriteriaSet, CriterionGroup, LeafCriterion } from '../criteria/criteria-set';

export const appraisedLeaf = (code: string, max: number, name = `leaf ${code}`): LeafCriterion => ({
  type: 'leaf',
  code,
  name,
  max,
  scoring: { kind: 'appraised' },
});

export const surveyLeaf = (code: string, max: number, survey: string, rule: ConversionRule): LeafCriterion => ({
  type: 'leaf',
  code,
  name: `survey ${code}`,
  max,
  scoring: { kind: 'survey', survey, rule },
});

export const indicatorLeaf = (code: string, max: number, indicator: string, rule: ConversionRule): LeafCriterion => ({
  type: 'leaf',
  code,
  name: `indicator ${code}`,
  max,
  scoring: { kind: 'indicator', indicator, rule },
});

export const deductionLeaf = (code: string, floor: number): LeafCriterion => ({
  type: 'leaf',
  code,
  name: `deduction ${code}`,
  max: 0,
  scoring: { kind: 'deduction', floor },
});

export const group = (code: string, children: CriterionGroup['children'], name = `group ${code}`): CriterionGroup => ({
  type: 'group',
  code,
  name,
  max: children.reduce((sum, child) => sum + child.max, 0),
  children,
});

export const criteriaSet = (fields: CriterionGroup[], overrides: Partial<CriteriaSet> = {}): CriteriaSet => ({
  code: 'PAR-2020-province',
  year: 2020,
  level: 'province',
  version: 1,
  maxTotal: fields.reduce((sum, field) => sum + field.max, 0),
  fields,
  ...overrides,
});

/**
 * A provincial set shaped like the 2020 one: 65 appraised points over 7 fields, a leaders' survey
 * worth 22 points spread over the fields, SIPAS worth 10 and socio-economic indicators worth 3.
 */
export function provincialSet2020(): CriteriaSet {
  const leaders: ConversionRule = { kind: 'linear', from: 0, to: 10 };
  return criteriaSet([
    group('F1', [group('F1.1', [appraisedLeaf('F1.1.1', 500), appraisedLeaf('F1.1.2', 400)]), surveyLeaf('F1.2', 300, 'leaders', leaders)]),
    group('F2', [appraisedLeaf('F2.1', 1000), surveyLeaf('F2.2', 300, 'leaders', leaders)]),
    group('F3', [appraisedLeaf('F3.1', 1100), surveyLeaf('F3.2', 400, 'leaders', leaders), deductionLeaf('F3.3', -100)]),
    group('F4', [appraisedLeaf('F4.1', 800), surveyLeaf('F4.2', 300, 'leaders', leaders)]),
    group('F5', [appraisedLeaf('F5.1', 1000), surveyLeaf('F5.2', 300, 'leaders', leaders)]),
    group('F6', [appraisedLeaf('F6.1', 700), surveyLeaf('F6.2', 300, 'leaders', leaders)]),
    group('F7', [appraisedLeaf('F7.1', 1000), surveyLeaf('F7.2', 300, 'leaders', leaders)]),
    group('F8', [
      surveyLeaf('F8.1', 1000, 'SIPAS', { kind: 'linear', from: 0, to: 100 }),
      indicatorLeaf('F8.2', 200, 'socio-economic', { kind: 'linear', from: 0, to: 10 }),
      indicatorLeaf('F8.3', 100, 'socio-economic', {
        kind: 'bands',
        bands: [
          { min: 0, points: 20 },
          { min: 5, points: 60 },
          { min: 8, points: 100 },
        ],
      }),
    ]),
  ]);
}
