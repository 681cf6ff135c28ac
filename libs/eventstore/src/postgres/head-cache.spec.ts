import { HeadCache } from './head-cache';

const head = (revision: bigint) => ({ revision, lastHash: `h${revision}` });

describe('HeadCache', () => {
  it('a head seen by a read only replaces an older one; a reported head replaces any', () => {
    const cache = new HeadCache();
    cache.observe('s', 3n, 'h3');
    cache.observe('s', 1n, 'h1');
    expect(cache.get('s')).toEqual(head(3n));
    cache.set('s', head(2n)); // the database said so (a rewound head)
    expect(cache.get('s')).toEqual(head(2n));
    cache.set('s', undefined);
    expect(cache.get('s')).toBeUndefined();
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const cache = new HeadCache(2);
    cache.set('a', head(0n));
    cache.set('b', head(0n));
    cache.get('a');
    cache.set('c', head(0n));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([head(0n), undefined, head(0n)]);
    cache.forget(['a']);
    expect(cache.get('a')).toBeUndefined();
  });
});
