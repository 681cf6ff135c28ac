import { fieldOfLeaf, findLeaf, findNode, leafBounds, listLeaves } from './tree';
import { deductionLeaf, provincialSet2020 } from '../testing/sample-sets.test-support';

describe('criteria tree navigation', () => {
  const set = provincialSet2020();

  it('given a nested set, when listing leaves, then they come in document order', () => {
    expect(
      listLeaves(set)
        .map((leaf) => leaf.code)
        .slice(0, 5),
    ).toEqual(['F1.1.1', 'F1.1.2', 'F1.2', 'F2.1', 'F2.2']);
    expect(listLeaves(set)).toHaveLength(19);
  });

  it('given a leaf code, when finding it, then the leaf is returned; a group code or unknown code gives undefined', () => {
    expect(findLeaf(set, 'F1.1.2')?.max).toBe(400);
    expect(findLeaf(set, 'F1.1')).toBeUndefined();
    expect(findLeaf(set, 'nope')).toBeUndefined();
    expect(findNode(set, 'F1.1')?.type).toBe('group');
  });

  it('given a nested leaf, when asking for its field, then the top-level group is returned', () => {
    expect(fieldOfLeaf(set, 'F1.1.2')?.code).toBe('F1');
    expect(fieldOfLeaf(set, 'F8.3')?.code).toBe('F8');
    expect(fieldOfLeaf(set, 'nope')).toBeUndefined();
  });

  it('given a deduction leaf, when asking its bounds, then they run from the floor to 0; otherwise 0..max', () => {
    expect(leafBounds(deductionLeaf('D', -150))).toEqual({ min: -150, max: 0 });
    expect(leafBounds(findLeaf(set, 'F2.1')!)).toEqual({ min: 0, max: 1000 });
  });
});
