import { type ConversionRule, type CriterionGroup, type LeafCriterion, type LeafScoring } from '@par-index/scoring';
import { DomainError } from '@par-index/domain';
import { pointsArg as points } from '../shared/points';

interface RuleShape {
  kind: 'linear' | 'bands';
  from?: number;
  to?: number;
  bands?: { min: number; points: number }[];
}
interface LeafShape {
  code: string;
  name: string;
  max: number;
  kind: string;
  survey?: string;
  indicator?: string;
  rule?: RuleShape;
  floor?: number;
}
interface FieldShape {
  code: string;
  name: string;
  criteria: { code: string; name: string; leaves: LeafShape[] }[];
}

function invalid(message: string, field: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

function rule(leaf: LeafShape): ConversionRule {
  const r = leaf.rule ?? invalid(`leaf ${leaf.code}: a ${leaf.kind} leaf needs a rule`, `${leaf.code}.rule`);
  if (r.kind === 'linear') {
    if (r.from === undefined || r.to === undefined) invalid(`leaf ${leaf.code}: a linear rule needs from and to`, `${leaf.code}.rule`);
    return { kind: 'linear', from: r.from, to: r.to };
  }
  const bands = r.bands ?? invalid(`leaf ${leaf.code}: a bands rule needs bands`, `${leaf.code}.rule.bands`);
  return { kind: 'bands', bands: bands.map((b) => ({ min: b.min, points: points(b.points, `${leaf.code}.rule.bands.points`) })) };
}

function scoring(leaf: LeafShape): LeafScoring {
  switch (leaf.kind) {
    case 'appraised':
      return { kind: 'appraised' };
    case 'survey':
      return {
        kind: 'survey',
        survey: leaf.survey ?? invalid(`leaf ${leaf.code}: survey name required`, `${leaf.code}.survey`),
        rule: rule(leaf),
      };
    case 'indicator':
      return {
        kind: 'indicator',
        indicator: leaf.indicator ?? invalid(`leaf ${leaf.code}: indicator name required`, `${leaf.code}.indicator`),
        rule: rule(leaf),
      };
    case 'deduction':
      return {
        kind: 'deduction',
        floor: points(leaf.floor ?? invalid(`leaf ${leaf.code}: floor required`, `${leaf.code}.floor`), `${leaf.code}.floor`),
      };
    default:
      return invalid(`leaf ${leaf.code}: unknown kind ${leaf.kind}`, `${leaf.code}.kind`);
  }
}

const sum = (values: readonly { max: number }[]) => values.reduce((total, value) => total + value.max, 0);

/** GraphQL tree input → the scoring lib's tree; group maxima are the sums of their children. */
export function toCriteriaTree(fields: readonly FieldShape[]): CriterionGroup[] {
  return fields.map((field) => {
    const criteria: CriterionGroup[] = field.criteria.map((criterion) => {
      const leaves: LeafCriterion[] = criterion.leaves.map((leaf) => ({
        type: 'leaf',
        code: leaf.code,
        name: leaf.name,
        max: points(leaf.max, `${leaf.code}.max`),
        scoring: scoring(leaf),
      }));
      return { type: 'group', code: criterion.code, name: criterion.name, max: sum(leaves), children: leaves };
    });
    return { type: 'group', code: field.code, name: field.name, max: sum(criteria), children: criteria };
  });
}
