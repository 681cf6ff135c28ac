import type { AssessedLevel, CriteriaNode, CriterionGroup, LeafCriterion } from '@par-index/scoring';

/** The eight fields of the PAR Index and how many criteria each holds (37 in all, as the provincial set). */
const FIELDS: ReadonlyArray<{ name: string; criteria: number }> = [
  { name: 'Direction and administration of PAR', criteria: 4 },
  { name: 'Institutional reform', criteria: 5 },
  { name: 'Administrative procedure reform', criteria: 4 },
  { name: 'Organisational reform', criteria: 5 },
  { name: 'Civil servants and public employees', criteria: 5 },
  { name: 'Public finance reform', criteria: 4 },
  { name: 'E-government and digital government', criteria: 6 },
  { name: 'Impact on people and development', criteria: 4 },
];
const APPRAISED_MAXIMA = [50, 75, 100, 100, 125];

function appraised(code: string, max: number): LeafCriterion {
  return { type: 'leaf', code, name: `Component criterion ${code}`, max, scoring: { kind: 'appraised' } };
}

/** Field 8: satisfaction surveys (SIPAS: linear 50..100 %, leaders' survey: bands) and two indicators. */
function impactLeaf(code: string, index: number, withIndicators: boolean): LeafCriterion {
  if (withIndicators && index >= 8) {
    return {
      type: 'leaf',
      code,
      name: `Socio-economic indicator ${code}`,
      max: 100,
      scoring: { kind: 'indicator', indicator: 'socio-economic', rule: { kind: 'linear', from: 0, to: 12 } },
    };
  }
  if (index % 2 === 0) {
    return {
      type: 'leaf',
      code,
      name: `SIPAS satisfaction ${code}`,
      max: 400,
      scoring: { kind: 'survey', survey: 'SIPAS', rule: { kind: 'linear', from: 50, to: 100 } },
    };
  }
  const bands = [
    { min: 60, points: 100 },
    { min: 75, points: 250 },
    { min: 90, points: 400 },
  ];
  return {
    type: 'leaf',
    code,
    name: `Leaders' survey ${code}`,
    max: 400,
    scoring: { kind: 'survey', survey: 'leaders', rule: { kind: 'bands', bands } },
  };
}

function group(code: string, name: string, children: CriteriaNode[]): CriterionGroup {
  return { type: 'group', code, name, max: children.reduce((sum, child) => sum + child.max, 0), children };
}

/**
 * A criteria tree shaped like the real ones: 8 fields, 37 criteria, about 88 leaves for a province
 * (about 68 points appraised by hand, 32 from surveys, one deduction leaf), fewer for communes.
 * Later years raise one maximum, as a yearly revision would.
 */
export function criteriaTree(level: AssessedLevel, year: number, firstYear: number): CriterionGroup[] {
  const leavesPerCriterion = level === 'commune' ? () => 2 : (c: number) => (c % 8 < 3 ? 3 : 2);
  const withIndicators = level === 'province' || level === 'district';
  let criterionIndex = 0;
  let appraisedIndex = 0;
  return FIELDS.map((field, f) => {
    const fieldCode = `F${f + 1}`;
    const criteria: CriterionGroup[] = [];
    let impactIndex = 0;
    for (let c = 0; c < field.criteria; c += 1) {
      const criterionCode = `${fieldCode}.${c + 1}`;
      const leaves: LeafCriterion[] = [];
      const count = f === 7 ? (withIndicators && c === 3 ? 4 : 2) : leavesPerCriterion(criterionIndex);
      for (let l = 0; l < count; l += 1) {
        const code = `${criterionCode}.${l + 1}`;
        if (f === 7) leaves.push(impactLeaf(code, impactIndex++, withIndicators));
        else if (f === 2 && c === 3 && l === count - 1)
          leaves.push({ type: 'leaf', code, name: `Late procedures ${code}`, max: 0, scoring: { kind: 'deduction', floor: -200 } });
        else {
          const raised = year > firstYear && code === 'F1.1.1' ? 50 : 0;
          leaves.push(appraised(code, APPRAISED_MAXIMA[appraisedIndex++ % APPRAISED_MAXIMA.length]! + raised));
        }
      }
      criteria.push(group(criterionCode, `Criterion ${criterionCode}`, leaves));
      criterionIndex += 1;
    }
    return group(fieldCode, field.name, criteria);
  });
}
