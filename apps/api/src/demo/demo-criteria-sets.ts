import type { AssessedLevel, CriterionGroup, Hundredths, LeafCriterion } from '@par-index/scoring';

/**
 * The demo's criteria sets, shaped like the real ones (see shared/domain/par-index.md): fields →
 * criteria → component criteria. The provincial set has 8 fields, 37 criteria and 88 leaves,
 * 68 points appraised and 32 from surveys; departments, districts and central agencies have
 * smaller sets of their own. Names are invented.
 */
interface FieldPlan {
  code: string;
  name: string;
  /** per criterion: its name and how many leaves it has */
  criteria: ReadonlyArray<readonly [string, number]>;
  /** appraised points of the field, a multiple of 0.25 (hundredths) */
  max: Hundredths;
}

type FieldShape = Omit<FieldPlan, 'max' | 'code'>;

const FIELDS: Record<string, FieldShape> = {
  direction: {
    name: 'Direction and implementation of PAR',
    criteria: [
      ['Yearly PAR plan', 3],
      ['PAR reporting', 2],
      ['PAR inspections', 2],
      ['PAR communication', 2],
      ['Reform initiatives', 3],
    ],
  },
  institutions: {
    name: 'Institutional reform',
    criteria: [
      ['Drafting legal documents', 3],
      ['Review of legal documents', 3],
      ['Enforcement of legal documents', 2],
      ['Legal inspection follow-up', 2],
    ],
  },
  procedures: {
    name: 'Administrative procedure reform',
    criteria: [
      ['Publication of procedures', 3],
      ['One-stop shops', 3],
      ['Procedures resolved on time', 2],
      ['Feedback and petitions', 2],
      ['Online public services', 2],
    ],
  },
  apparatus: {
    name: 'Administrative apparatus reform',
    criteria: [
      ['Organisational structure', 3],
      ['Staffing plans', 2],
      ['Delegation and decentralisation', 2],
      ['Public service units', 2],
    ],
  },
  civilService: {
    name: 'Civil service reform',
    criteria: [
      ['Job positions', 2],
      ['Recruitment', 2],
      ['Training', 2],
      ['Performance assessment', 3],
      ['Discipline', 2],
      ['Commune-level officials', 2],
    ],
  },
  finance: {
    name: 'Public finance reform',
    criteria: [
      ['Budget autonomy', 2],
      ['Public asset management', 2],
      ['Fees and charges', 2],
      ['Public investment disbursement', 2],
    ],
  },
  digital: {
    name: 'E-government and digital government',
    criteria: [
      ['Digital infrastructure', 2],
      ['Document management system', 2],
      ['Online public services portal', 3],
      ['Shared databases', 2],
      ['Information security', 2],
    ],
  },
};

/** Shrinks a field to `criteriaCount` criteria with at most `leavesEach` leaves each (smaller sets). */
function smaller(field: FieldShape, criteriaCount: number, leavesEach: number): FieldShape {
  return { ...field, criteria: field.criteria.slice(0, criteriaCount).map(([name, n]) => [name, Math.min(n, leavesEach)] as const) };
}

const APPRAISED_FIELDS: Record<string, Omit<FieldPlan, 'code'>[]> = {
  province: [
    { ...FIELDS.direction!, max: 900 },
    { ...FIELDS.institutions!, max: 850 },
    { ...FIELDS.procedures!, max: 1100 },
    { ...FIELDS.apparatus!, max: 800 },
    { ...FIELDS.civilService!, max: 1150 },
    { ...FIELDS.finance!, max: 750 },
    { ...FIELDS.digital!, max: 1250 },
  ],
  district: [
    { ...smaller(FIELDS.direction!, 4, 1), max: 1000 },
    { ...smaller(FIELDS.institutions!, 3, 1), max: 800 },
    { ...smaller(FIELDS.procedures!, 4, 2), max: 1300 },
    { ...smaller(FIELDS.apparatus!, 3, 1), max: 800 },
    { ...smaller(FIELDS.civilService!, 4, 1), max: 1200 },
    { ...smaller(FIELDS.finance!, 3, 1), max: 700 },
    { ...smaller(FIELDS.digital!, 4, 2), max: 1200 },
  ],
  department: [
    { ...smaller(FIELDS.direction!, 3, 2), max: 1200 },
    { ...smaller(FIELDS.institutions!, 3, 1), max: 1000 },
    { ...smaller(FIELDS.procedures!, 4, 2), max: 1600 },
    { ...smaller(FIELDS.apparatus!, 3, 1), max: 1000 },
    { ...smaller(FIELDS.civilService!, 3, 1), max: 1200 },
    { ...smaller(FIELDS.digital!, 3, 2), max: 1500 },
  ],
  central_agency: [
    { ...smaller(FIELDS.direction!, 3, 1), max: 1400 },
    { ...smaller(FIELDS.procedures!, 4, 2), max: 2000 },
    { ...smaller(FIELDS.apparatus!, 2, 1), max: 1000 },
    { ...smaller(FIELDS.civilService!, 3, 1), max: 1400 },
    { ...smaller(FIELDS.digital!, 3, 1), max: 1700 },
  ],
};

const ASPECTS = ['issued on time', 'implemented in full', 'reported on time', 'checked and followed up', 'results published'];

/** Splits `max` into `count` leaf maxima in steps of 0.25 points, larger ones first. */
function splitMax(max: Hundredths, count: number): Hundredths[] {
  const quarters = max / 25;
  return Array.from({ length: count }, (_, i) => (Math.floor(quarters / count) + (i < quarters % count ? 1 : 0)) * 25);
}

const group = (code: string, name: string, children: ReadonlyArray<CriterionGroup | LeafCriterion>): CriterionGroup => ({
  type: 'group',
  code,
  name,
  max: children.reduce((sum, child) => sum + child.max, 0),
  children,
});

function appraisedField(plan: FieldPlan): CriterionGroup {
  const leafCount = plan.criteria.reduce((sum, [, n]) => sum + n, 0);
  const maxima = splitMax(plan.max, leafCount);
  let next = 0;
  const criteria = plan.criteria.map(([name, n], c) =>
    group(
      `${plan.code}.${c + 1}`,
      name,
      Array.from({ length: n }, (_, l): LeafCriterion => ({
        type: 'leaf',
        code: `${plan.code}.${c + 1}.${l + 1}`,
        name: `${name}: ${ASPECTS[l % ASPECTS.length]}`,
        max: maxima[next++]!,
        scoring: { kind: 'appraised' },
      })),
    ),
  );
  return group(plan.code, plan.name, criteria);
}

function surveyLeaf(code: string, name: string, max: Hundredths, survey: string, from: number): LeafCriterion {
  return { type: 'leaf', code, name, max, scoring: { kind: 'survey', survey, rule: { kind: 'linear', from, to: 100 } } };
}

const SIPAS_ASPECTS = ['Access to services', 'Administrative procedures', 'Civil servants', 'Results received', 'Handling of feedback'];

/** The impact field: SIPAS (citizens' satisfaction, %) and, for provinces, the survey of leaders and managers. */
function impactField(level: AssessedLevel, year: number, code: string, max: Hundredths): CriterionGroup {
  // 2024's revision: the SIPAS scale starts at 60% instead of 50% (the method changed between years)
  const sipasFrom = year >= 2024 ? 60 : 50;
  const sipasMax = level === 'province' ? 1000 : max;
  const sipasMaxima = splitMax(sipasMax, SIPAS_ASPECTS.length);
  const sipas = group(
    `${code}.1`,
    'Satisfaction with public administrative services (SIPAS)',
    SIPAS_ASPECTS.map((name, i) => surveyLeaf(`${code}.1.${i + 1}`, name, sipasMaxima[i]!, 'SIPAS', sipasFrom)),
  );
  if (level !== 'province') return group(code, 'Impact of PAR', [sipas]);
  const leaders = (c: number, name: string, aspects: string[], points: Hundredths) => {
    const maxima = splitMax(points, aspects.length);
    return group(
      `${code}.${c}`,
      name,
      aspects.map((aspect, i) => surveyLeaf(`${code}.${c}.${i + 1}`, aspect, maxima[i]!, 'Leaders and managers', 40)),
    );
  };
  return group(code, 'Impact of PAR', [
    sipas,
    leaders(2, 'Impact on institutions', ['Quality of legal documents', 'Transparency', 'Enforcement'], 800),
    leaders(3, 'Impact on public services', ['Service delivery', 'Digital services', 'Integrity'], 800),
    leaders(4, 'Impact on socio-economic development', ['Investment climate', 'Budget discipline'], 600),
  ]);
}

export interface DemoCriteriaSet {
  code: string;
  year: number;
  level: AssessedLevel;
  name: string;
  fields: CriterionGroup[];
}

const LEVEL_NAMES: Record<string, string> = {
  province: 'provinces',
  department: 'departments',
  district: 'districts',
  central_agency: 'central agencies',
};
export const DEMO_LEVELS = ['province', 'department', 'district', 'central_agency'] as const satisfies readonly AssessedLevel[];

const FIELDS_DIGITAL = (level: string) => APPRAISED_FIELDS[level]!.find((plan) => plan.name === FIELDS.digital!.name);

/** 2024 revises 2023: one more leaf under digital infrastructure, and the SIPAS scale. */
export function demoCriteriaSet(level: (typeof DEMO_LEVELS)[number], year: number): DemoCriteriaSet {
  const fields = APPRAISED_FIELDS[level]!.map((plan, i) => ({
    ...plan,
    code: `F${i + 1}`,
    criteria:
      year >= 2024 && plan === FIELDS_DIGITAL(level)
        ? plan.criteria.map(([name, n]) => [name, name === 'Digital infrastructure' ? n + 1 : n] as const)
        : plan.criteria,
  }));
  const appraised = fields.map(appraisedField);
  const impactMax = 10_000 - appraised.reduce((sum, field) => sum + field.max, 0);
  return {
    code: `PAR-${year}-${level}`,
    year,
    level,
    name: `PAR Index ${year} of ${LEVEL_NAMES[level]}`,
    fields: [...appraised, impactField(level, year, `F${appraised.length + 1}`, impactMax)],
  };
}
