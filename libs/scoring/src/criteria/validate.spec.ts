import type { CriteriaSet, CriterionGroup, LeafCriterion } from './criteria-set';
import { validateCriteriaSet } from './validate';
import { appraisedLeaf, criteriaSet, deductionLeaf, group, provincialSet2020, surveyLeaf } from '../testing/sample-sets.test-support';

const messagesOf = (set: CriteriaSet) => validateCriteriaSet(set).map((issue) => issue.message);
const withLeaf = (leaf: LeafCriterion): CriteriaSet => criteriaSet([group('F1', [appraisedLeaf('A', 100), leaf])]);

describe('validateCriteriaSet', () => {
  it('given a well-formed provincial set, when validated, then there are no issues', () => {
    expect(validateCriteriaSet(provincialSet2020())).toEqual([]);
  });

  it('given a code used twice in different fields, when validated, then the issue names the code and both places', () => {
    const set = criteriaSet([group('F1', [appraisedLeaf('X', 100)]), group('F2', [appraisedLeaf('X', 100)])]);
    expect(validateCriteriaSet(set)).toEqual([
      { path: 'fields[1].children[0]', nodeCode: 'X', message: 'code "X" is used twice (also at fields[0].children[0])' },
    ]);
  });

  it('given a group whose max is not the sum of its children, when validated, then the group is named', () => {
    const bad: CriterionGroup = { ...group('F1', [appraisedLeaf('A', 100), appraisedLeaf('B', 50)]), max: 200 };
    const issues = validateCriteriaSet(criteriaSet([bad]));
    expect(issues).toContainEqual(expect.objectContaining({ nodeCode: 'F1', path: 'fields[0]' }));
    expect(issues.find((i) => i.nodeCode === 'F1')?.message).toMatch(/"F1".*200.*150/);
  });

  it('given maxTotal different from the sum of the fields, when validated, then maxTotal is reported', () => {
    const set = { ...criteriaSet([group('F1', [appraisedLeaf('A', 100)])]), maxTotal: 10000 };
    expect(validateCriteriaSet(set)).toEqual([expect.objectContaining({ path: 'maxTotal', nodeCode: null })]);
  });

  it.each([
    ['a negative leaf max', appraisedLeaf('L', -1), /non-negative integer/],
    ['a fractional leaf max', appraisedLeaf('L', 1.5), /non-negative integer/],
    ['a deduction leaf with a max', { ...deductionLeaf('L', -100), max: 100 }, /max must be 0/],
    ['a deduction leaf with a positive floor', deductionLeaf('L', 100), /negative integer/],
    ['a deduction leaf with a fractional floor', deductionLeaf('L', -0.5), /negative integer/],
    ['a linear rule with from = to', surveyLeaf('L', 100, 'SIPAS', { kind: 'linear', from: 5, to: 5 }), /from ≠ to/],
    ['a linear rule with an infinite bound', surveyLeaf('L', 100, 'SIPAS', { kind: 'linear', from: 0, to: Infinity }), /finite/],
    ['an empty bands rule', surveyLeaf('L', 100, 'SIPAS', { kind: 'bands', bands: [] }), /at least one band/],
    [
      'bands not strictly increasing',
      surveyLeaf('L', 100, 'SIPAS', {
        kind: 'bands',
        bands: [
          { min: 5, points: 10 },
          { min: 5, points: 20 },
        ],
      }),
      /greater than/,
    ],
    ['band points above the leaf max', surveyLeaf('L', 100, 'SIPAS', { kind: 'bands', bands: [{ min: 5, points: 101 }] }), /within 0..100/],
    ['band points fractional', surveyLeaf('L', 100, 'SIPAS', { kind: 'bands', bands: [{ min: 5, points: 10.5 }] }), /integer/],
    ['a survey without a name', surveyLeaf('L', 100, ' ', { kind: 'linear', from: 0, to: 100 }), /must name its survey/],
  ])('given %s, when validated, then the leaf "L" is named', (_label, leaf, message) => {
    const set = withLeaf(leaf as LeafCriterion);
    const issues = validateCriteriaSet({ ...set, fields: set.fields, maxTotal: set.fields[0].max });
    const leafIssues = issues.filter((issue) => issue.nodeCode === 'L');
    expect(leafIssues.length).toBeGreaterThan(0);
    expect(leafIssues.map((i) => i.message).join('\n')).toMatch(message);
    expect(leafIssues[0].message).toContain('"L"');
  });

  it('given a set without fields, when validated, then it must have at least one field', () => {
    expect(messagesOf(criteriaSet([]))).toEqual(['criteria set "PAR-2020-province" must have at least one field']);
  });

  it('given a non-integer year and version, when validated, then both are reported', () => {
    const set = criteriaSet([group('F1', [appraisedLeaf('A', 100)])], { year: 2020.5, version: 1.1 });
    expect(validateCriteriaSet(set).map((i) => i.path)).toEqual(['year', 'version']);
  });

  it('given empty codes and names, when validated, then each is reported', () => {
    const set = criteriaSet([group('F1', [{ ...appraisedLeaf('', 100) }, { ...appraisedLeaf('B', 100), name: '' }])], { code: '' });
    const messages = messagesOf(set);
    expect(messages).toContain('criteria set code must be a non-empty string');
    expect(messages).toContain('node at fields[0].children[0] must have a non-empty code');
    expect(messages).toContain('"B" must have a non-empty name');
  });

  it('given a group with no children, when validated, then the group is reported', () => {
    expect(messagesOf(criteriaSet([group('F1', [])]))).toEqual(['group "F1" must have at least one child']);
  });

  it('given an unknown level, when validated, then the level is reported', () => {
    const set = criteriaSet([group('F1', [appraisedLeaf('A', 100)])], { level: 'village' as never });
    expect(validateCriteriaSet(set)).toEqual([expect.objectContaining({ path: 'level' })]);
  });
});
