import { effectiveRole, mayReadLive, mayReadUnpublished, OPERATION_ACCESS, unpublishedScope } from './access-policy';
import { identityFromClaims, InvalidClaimsError } from './identity';

describe('identityFromClaims', () => {
  it('given sub, roles and units, then they become the identity (unknown roles ignored, duplicates dropped)', () => {
    expect(identityFromClaims({ sub: 'officer-1', roles: ['unit_officer', 'unit_officer', 'superuser'], units: ['binh-duong'] })).toEqual({
      sub: 'officer-1',
      roles: ['unit_officer'],
      units: ['binh-duong'],
    });
  });
  it.each([
    ['no sub', { roles: ['admin'] }],
    ['a sub that is not an id', { sub: 'a b', roles: ['admin'] }],
    ['no known role', { sub: 'x', roles: ['root'] }],
    ['roles that are not a list', { sub: 'x', roles: 'admin' }],
    ['units that are not strings', { sub: 'x', roles: ['unit_officer'], units: [1] }],
  ])('given %s, then the claims are refused', (_, claims) => {
    expect(() => identityFromClaims(claims)).toThrow(InvalidClaimsError);
  });
});

describe('access policy', () => {
  it('acts in the first token role the operation allows', () => {
    expect(effectiveRole(['appraiser', 'approver'], OPERATION_ACCESS.approveAssessment!.roles)).toBe('approver');
    expect(effectiveRole(['auditor'], OPERATION_ACCESS.approveAssessment!.roles)).toBe('auditor');
  });
  it('lets anonymous callers read published results only, unit officers their own units, the other roles everything', () => {
    expect(unpublishedScope(null)).toEqual([]);
    expect(unpublishedScope({ sub: 'o', roles: ['unit_officer'], units: ['a'] })).toEqual(['a']);
    expect(unpublishedScope({ sub: 'x', roles: ['unit_officer', 'auditor'], units: [] })).toBe('*');
    expect(mayReadUnpublished({ sub: 'o', roles: ['unit_officer'], units: ['a'] }, 'b')).toBe(false);
  });
  it('lets the roles that read every result, and only those, ask for a live ranking', () => {
    expect(mayReadLive(null)).toBe(false);
    expect(mayReadLive({ sub: 'o', roles: ['unit_officer'], units: ['a'] })).toBe(false);
    expect(mayReadLive({ sub: 'x', roles: ['appraiser'], units: [] })).toBe(true);
  });
  it('writes nothing for auditors and lets anonymous callers run only the public queries', () => {
    const entries = Object.entries(OPERATION_ACCESS);
    expect(
      entries
        .filter(([, access]) => access.anonymous)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['criteriaSets', 'groups', 'objections', 'ranking', 'rankingAsOf', 'scorecard', 'scorecardAsOf', 'unitHistory', 'units']);
    expect(
      entries
        .filter(([, access]) => access.roles.includes('auditor'))
        .map(([name]) => name)
        .sort(),
    ).toEqual([
      'assessmentHistory',
      'auditTimeline',
      'criteriaSets',
      'groups',
      'objections',
      'ranking',
      'rankingAsOf',
      'scorecard',
      'scorecardAsOf',
      'unitHistory',
      'units',
      'verifyAuditTrail',
    ]);
  });
});
