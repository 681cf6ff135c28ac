/** Error messages and details never echo more than this many characters of a client's input. */
export const MAX_ECHO_LENGTH = 200;

export function truncateText(text: string, max = MAX_ECHO_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** Strings inside details are truncated, lists shortened, nesting bounded: details are for people, not a mirror. */
export function truncateDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return truncateText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, 50).map((item) => truncateDetails(item, depth + 1));
    return value.length > 50 ? [...items, `… (${value.length} items)`] : items;
  }
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value).slice(0, 50)) result[truncateText(key, 100)] = truncateDetails(item, depth + 1);
  return { ...result };
}
