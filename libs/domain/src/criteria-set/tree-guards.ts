import {
  validateCriteriaSet,
  type AssessedLevel,
  type CriteriaNode,
  type CriteriaSet,
  type CriterionGroup,
  type LeafCriterion,
} from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { requireNonEmptyId, requireNonEmptyText, TEXT_LIMITS } from '../shared/guards';

/** Checks the tree is shaped well enough to fold; content rules are validateCriteriaSet's job at publish. */
export function requireTreeShape(fields: unknown, field = 'fields'): CriterionGroup[] {
  if (!Array.isArray(fields)) fail('VALIDATION_FAILED', `${field} must be a list of fields`, { field });
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') fail('VALIDATION_FAILED', `${path} must be a node`, { field: path });
    const n = node as Partial<CriteriaNode>;
    requireNonEmptyId(n.code, `${path}.code`);
    requireNonEmptyText(n.name, `${path}.name`, TEXT_LIMITS.nodeName);
    if (n.type === 'group') {
      if (!Array.isArray(n.children)) fail('VALIDATION_FAILED', `${path}.children must be a list`, { field: `${path}.children` });
      n.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
    } else if (n.type !== 'leaf') {
      fail('VALIDATION_FAILED', `${path}.type must be "group" or "leaf"`, { field: `${path}.type`, value: n.type });
    }
  };
  fields.forEach((node, i) => {
    if ((node as Partial<CriteriaNode> | null)?.type !== 'group')
      fail('VALIDATION_FAILED', `${field}[${i}] must be a group`, { field: `${field}[${i}]` });
    visit(node, `${field}[${i}]`);
  });
  return fields as CriterionGroup[];
}

/** Validates a single leaf by running the scoring validator on a one-leaf probe set. */
export function requireValidLeaf(leaf: unknown, level: AssessedLevel, year: number): LeafCriterion {
  if (leaf === null || typeof leaf !== 'object' || (leaf as { type?: unknown }).type !== 'leaf') {
    fail('VALIDATION_FAILED', 'leaf must be a leaf criterion', { field: 'leaf' });
  }
  const candidate = leaf as LeafCriterion;
  requireNonEmptyId(candidate.code, 'leaf.code');
  requireNonEmptyText(candidate.name, 'leaf.name', TEXT_LIMITS.nodeName);
  const probe: CriteriaSet = {
    code: 'probe',
    year,
    level,
    version: 1,
    maxTotal: candidate.max,
    fields: [{ type: 'group', code: `${candidate.code}#probe`, name: 'probe', max: candidate.max, children: [candidate] }],
  };
  const issues = validateCriteriaSet(probe);
  if (issues.length > 0) fail('VALIDATION_FAILED', `leaf "${candidate.code}" is invalid: ${issues[0].message}`, { field: 'leaf', issues });
  return candidate;
}

export function requireValidCriteriaSet(set: CriteriaSet): CriteriaSet {
  const issues = validateCriteriaSet(set);
  if (issues.length > 0) {
    fail('INVALID_CRITERIA_SET', `criteria set "${set.code}" v${set.version} has ${issues.length} issue(s)`, { issues });
  }
  return set;
}
