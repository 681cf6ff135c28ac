import { ASSESSED_LEVELS, type ConversionRule, type CriteriaNode, type CriteriaSet, type LeafCriterion } from './criteria-set';

/** One problem in a criteria set; `path` locates it ("fields[1].children[0]"), the message names the code. */
export interface CriteriaSetIssue {
  path: string;
  nodeCode: string | null;
  message: string;
}

/**
 * Checks a criteria set before it is issued or scored against. Returns every issue found (an empty
 * array means valid) rather than stopping at the first, so an editor can show them all at once.
 */
export function validateCriteriaSet(set: CriteriaSet): CriteriaSetIssue[] {
  const issues: CriteriaSetIssue[] = [];
  const report = (path: string, nodeCode: string | null, message: string): void => {
    issues.push({ path, nodeCode, message });
  };
  const setLabel = `criteria set "${set.code}"`;

  if (!isNonEmptyString(set.code)) report('code', null, 'criteria set code must be a non-empty string');
  if (!Number.isInteger(set.year)) report('year', null, `${setLabel}: year ${String(set.year)} must be an integer`);
  if (!Number.isInteger(set.version)) {
    report('version', null, `${setLabel}: version ${String(set.version)} must be an integer`);
  }
  if (!(ASSESSED_LEVELS as readonly string[]).includes(set.level)) {
    report('level', null, `${setLabel}: level "${String(set.level)}" is not one of ${ASSESSED_LEVELS.join(', ')}`);
  }
  const fields = Array.isArray(set.fields) ? set.fields : [];
  if (fields.length === 0) report('fields', null, `${setLabel} must have at least one field`);

  const seenCodes = new Map<string, string>();
  const visit = (node: CriteriaNode, path: string): void => {
    const code = isNonEmptyString(node.code) ? node.code : null;
    const label = code === null ? `node at ${path}` : `"${code}"`;
    if (code === null) report(path, null, `node at ${path} must have a non-empty code`);
    else if (seenCodes.has(code)) report(path, code, `code "${code}" is used twice (also at ${seenCodes.get(code)})`);
    else seenCodes.set(code, path);
    if (!isNonEmptyString(node.name)) report(path, code, `${label} must have a non-empty name`);

    if (node.type === 'group') {
      if (!Number.isSafeInteger(node.max)) report(path, code, `${label}: max ${String(node.max)} must be an integer`);
      if (!Array.isArray(node.children) || node.children.length === 0) {
        report(path, code, `group ${label} must have at least one child`);
        return;
      }
      node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
      const sum = node.children.reduce((total, child) => total + child.max, 0);
      if (sum !== node.max) {
        report(path, code, `group ${label}: max ${String(node.max)} differs from the sum of its children's maxima ${sum}`);
      }
    } else if (node.type === 'leaf') {
      validateLeaf(node, path, label, code, report);
    } else {
      report(path, code, `${label}: type "${String((node as { type: unknown }).type)}" must be "group" or "leaf"`);
    }
  };
  fields.forEach((field, i) => {
    const path = `fields[${i}]`;
    if (field.type !== 'group') report(path, field.code ?? null, `field "${String(field.code)}" must be a group`);
    visit(field, path);
  });

  if (!Number.isSafeInteger(set.maxTotal)) {
    report('maxTotal', null, `${setLabel}: maxTotal ${String(set.maxTotal)} must be an integer`);
  }
  const fieldsSum = fields.reduce((total, field) => total + field.max, 0);
  if (fields.length > 0 && fieldsSum !== set.maxTotal) {
    report('maxTotal', null, `${setLabel}: maxTotal ${String(set.maxTotal)} differs from the sum of the fields' maxima ${fieldsSum}`);
  }
  return issues;
}

type Report = (path: string, nodeCode: string | null, message: string) => void;

function validateLeaf(leaf: LeafCriterion, path: string, label: string, code: string | null, report: Report): void {
  if (!Number.isSafeInteger(leaf.max) || leaf.max < 0) {
    report(path, code, `leaf ${label}: max ${String(leaf.max)} must be a non-negative integer`);
  }
  const scoring = leaf.scoring;
  switch (scoring?.kind) {
    case 'appraised':
      return;
    case 'deduction':
      if (leaf.max !== 0) report(path, code, `deduction leaf ${label}: max must be 0, not ${String(leaf.max)}`);
      if (!Number.isSafeInteger(scoring.floor) || scoring.floor >= 0) {
        report(path, code, `deduction leaf ${label}: floor ${String(scoring.floor)} must be a negative integer`);
      }
      return;
    case 'survey':
    case 'indicator': {
      const source = scoring.kind === 'survey' ? scoring.survey : scoring.indicator;
      if (!isNonEmptyString(source)) report(path, code, `${scoring.kind} leaf ${label} must name its ${scoring.kind}`);
      validateRule(scoring.rule, leaf.max, `${path}.scoring.rule`, label, code, report);
      return;
    }
    default:
      report(path, code, `leaf ${label}: unknown scoring kind "${String((scoring as { kind?: unknown } | undefined)?.kind)}"`);
  }
}

function validateRule(
  rule: ConversionRule | undefined,
  max: number,
  path: string,
  label: string,
  code: string | null,
  report: Report,
): void {
  switch (rule?.kind) {
    case 'linear':
      if (!Number.isFinite(rule.from) || !Number.isFinite(rule.to)) {
        report(path, code, `leaf ${label}: linear rule bounds must be finite numbers`);
      } else if (rule.from === rule.to) {
        report(path, code, `leaf ${label}: linear rule needs from ≠ to (both are ${rule.from})`);
      }
      return;
    case 'bands': {
      if (!Array.isArray(rule.bands) || rule.bands.length === 0) {
        report(path, code, `leaf ${label}: bands rule needs at least one band`);
        return;
      }
      rule.bands.forEach((band, i) => {
        const bandPath = `${path}.bands[${i}]`;
        if (!Number.isFinite(band.min)) report(bandPath, code, `leaf ${label}: band ${i} min must be a finite number`);
        if (i > 0 && !(band.min > rule.bands[i - 1].min)) {
          report(
            bandPath,
            code,
            `leaf ${label}: band ${i} min ${band.min} must be greater than the previous band's ${rule.bands[i - 1].min}`,
          );
        }
        if (!Number.isSafeInteger(band.points) || band.points < 0 || band.points > max) {
          report(bandPath, code, `leaf ${label}: band ${i} points ${String(band.points)} must be an integer within 0..${max}`);
        }
      });
      return;
    }
    default:
      report(path, code, `leaf ${label}: unknown conversion rule "${String((rule as { kind?: unknown } | undefined)?.kind)}"`);
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
