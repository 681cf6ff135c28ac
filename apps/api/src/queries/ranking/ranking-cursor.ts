import { BadUserInputError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';

/** What a ranking cursor points at: the last row a client has seen. */
export interface RankingCursor {
  rank: number | null;
  unitId: string;
}

export function encodeRankingCursor(cursor: RankingCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.unitId])).toString('base64url');
}

export function decodeRankingCursor(text: string): RankingCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (value[0] === null || Number.isInteger(value[0])) && typeof value[1] === 'string') {
      return { rank: value[0] as number | null, unitId: value[1] };
    }
  } catch {
    // reported below
  }
  throw new BadUserInputError('after is not a cursor this API returned', { field: 'after', value: truncateText(text) });
}

/**
 * The rows after a cursor. Rows are in libs/scoring's order (rank, exact index inside a tie, then
 * unitId), so the unit named by the cursor is found by id; when it left the ranking meanwhile, the
 * page resumes with the first row of a worse rank, or of the same rank and a greater unitId.
 */
export function rowsAfter<T>(rows: readonly T[], key: (row: T) => RankingCursor, cursor: RankingCursor | null): T[] {
  if (cursor === null) return [...rows];
  const at = rows.findIndex((row) => key(row).unitId === cursor.unitId);
  if (at >= 0) return rows.slice(at + 1);
  const worse = (r: number | null) => (cursor.rank === null ? false : r === null || r > cursor.rank);
  return rows.filter((row) => {
    const k = key(row);
    return worse(k.rank) || (k.rank === cursor.rank && k.unitId > cursor.unitId);
  });
}
