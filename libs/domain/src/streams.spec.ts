import {
  assessmentStreamName,
  ASSESSMENT_STREAM_PREFIX,
  CRITERIA_SET_STREAM_PREFIX,
  criteriaSetCode,
  criteriaSetStreamName,
  parseAssessmentStreamName,
  parseCriteriaSetStreamName,
  parseUnitStreamName,
  unitStreamName,
  UNIT_STREAM_PREFIX,
} from './index';

describe('stream naming', () => {
  it('names criteria-set streams by code', () => {
    expect(criteriaSetCode(2022, 'province')).toBe('PAR-2022-province');
    expect(criteriaSetStreamName('PAR-2022-province')).toBe('criteria-set-PAR-2022-province');
    expect(parseCriteriaSetStreamName('criteria-set-PAR-2022-province')).toEqual({ code: 'PAR-2022-province' });
    expect(CRITERIA_SET_STREAM_PREFIX).toBe('criteria-set-');
  });
  it('names unit streams by id', () => {
    expect(unitStreamName('dist-loc-ha')).toBe('unit-dist-loc-ha');
    expect(parseUnitStreamName('unit-dist-loc-ha')).toEqual({ unitId: 'dist-loc-ha' });
    expect(UNIT_STREAM_PREFIX).toBe('unit-');
  });
  it('names assessment streams by unit and year, even when the unit id has dashes', () => {
    const unitId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(assessmentStreamName(unitId, 2022)).toBe(`assessment-${unitId}-2022`);
    expect(parseAssessmentStreamName(`assessment-${unitId}-2022`)).toEqual({ unitId, year: 2022 });
    expect(ASSESSMENT_STREAM_PREFIX).toBe('assessment-');
  });
  it('returns null for foreign stream names', () => {
    expect(parseCriteriaSetStreamName('unit-x')).toBeNull();
    expect(parseUnitStreamName('assessment-x-2022')).toBeNull();
    expect(parseAssessmentStreamName('assessment-x')).toBeNull();
    expect(parseAssessmentStreamName('unit-x-2022')).toBeNull();
    expect(parseUnitStreamName('unit-')).toBeNull();
  });
  it('refuses ids that would break parsing', () => {
    expect(() => unitStreamName('a b')).toThrow();
    expect(() => assessmentStreamName('x', 99)).toThrow();
  });
});
