import { decodeRankingCursor, encodeRankingCursor, rowsAfter } from './ranking-cursor';

describe('ranking cursors', () => {
  const rows = [
    { rank: 1, unitId: 'b' },
    { rank: 1, unitId: 'c' },
    { rank: 3, unitId: 'a' },
    { rank: null, unitId: 'z' },
  ];
  const after = (rank: number | null, unitId: string) =>
    rowsAfter(rows, (row) => row, decodeRankingCursor(encodeRankingCursor({ rank, unitId })));

  it('given the cursor of a row inside a tie, then the page resumes right after that row', () => {
    expect(after(1, 'b').map((row) => row.unitId)).toEqual(['c', 'a', 'z']);
  });

  it('given a cursor whose unit left the ranking meanwhile, then the page resumes after its place (same rank, greater id; or worse rank)', () => {
    expect(after(1, 'bb').map((row) => row.unitId)).toEqual(['c', 'a', 'z']);
    expect(after(2, 'x').map((row) => row.unitId)).toEqual(['a', 'z']);
  });

  it('given text that is not a cursor, then BAD_USER_INPUT', () => {
    expect(() => decodeRankingCursor('nonsense')).toThrow(/not a cursor/);
    expect(() => decodeRankingCursor(Buffer.from('[1.5,"a"]').toString('base64url'))).toThrow(/not a cursor/);
  });
});
