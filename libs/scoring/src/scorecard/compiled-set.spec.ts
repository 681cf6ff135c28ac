import { provincialSet2020 } from '../testing/sample-sets.test-support';
import { compileCriteriaSet, InvalidCriteriaSetError } from './compiled-set';

describe('compileCriteriaSet', () => {
  it('given a set, when compiled, then leaves are flattened in document order with their field and source', () => {
    const compiled = compileCriteriaSet(provincialSet2020());
    expect(compiled.leaves.map((leaf) => leaf.code).slice(0, 3)).toEqual(['F1.1.1', 'F1.1.2', 'F1.2']);
    expect(Array.from(compiled.leafField.slice(0, 4))).toEqual([0, 0, 0, 1]);
    expect(compiled.sources.map((source) => source.key)).toEqual([
      'appraisal',
      'survey:leaders',
      'deduction',
      'survey:SIPAS',
      'indicator:socio-economic',
    ]);
    expect(compiled.leafIndexByCode.get('F8.3')).toBe(18);
    expect(compiled.hasPrototypeCollision).toBe(false);
  });

  it('given the same set object twice, when compiled, then the cached compilation is reused', () => {
    const set = provincialSet2020();
    expect(compileCriteriaSet(set)).toBe(compileCriteriaSet(set));
    expect(compileCriteriaSet(provincialSet2020())).not.toBe(compileCriteriaSet(set));
  });

  it('given an invalid set, when compiled, then every issue is carried by the error', () => {
    const set = { ...provincialSet2020(), year: 2020.5, maxTotal: 1 };
    try {
      compileCriteriaSet(set);
      throw new Error('expected InvalidCriteriaSetError');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCriteriaSetError);
      expect((error as InvalidCriteriaSetError).issues.map((issue) => issue.path)).toEqual(['year', 'maxTotal']);
    }
  });
});
