/**
 * Tables of bad values by the kind of argument they are sent to, each with the refusal it must
 * get. Values go in GraphQL variables, so wrong JSON types reach the server as they would from a
 * client; every refusal is a 4xx with a typed code, never a 500.
 */
export type ArgKind =
  | 'id'
  | 'text'
  | 'name'
  | 'year'
  | 'points'
  | 'rawValue'
  | 'indicator'
  | 'count'
  | 'revision'
  | 'page'
  | 'refs'
  | 'instant'
  | 'choice'
  | 'version'
  | 'tree';

export interface Expected {
  status: number;
  /** the acceptable extensions.code values (one, or the two codes of "invalid input" when the layer may vary) */
  codes: readonly string[];
}

export interface BadValue {
  label: string;
  value: unknown;
  expected: Expected;
}

/** Input the GraphQL layer itself refuses (type coercion, non-null, unstorable characters). */
export const COERCION: Expected = { status: 400, codes: ['BAD_USER_INPUT'] };
/** Well-typed input refused by the edge validators or the domain's value guards. */
export const INVALID: Expected = { status: 400, codes: ['BAD_USER_INPUT', 'VALIDATION_FAILED'] };

const bad = (label: string, value: unknown, expected: Expected = INVALID): BadValue => ({ label, value, expected });

/** Wrong JSON types and unstorable characters: refused for every String argument. */
const ANY_STRING: BadValue[] = [
  bad('a number', 123, COERCION),
  bad('a boolean', true, COERCION),
  bad('an object', { a: 1 }, COERCION),
  bad('a list of strings', ['a', 'b'], COERCION),
  bad('a NUL byte', 'a\u0000b', COERCION),
  bad('a lone high surrogate', 'a\uD800b', COERCION),
  bad('a lone low surrogate', '\uDC00', COERCION),
];

const TEXT_SHAPES: BadValue[] = [bad('empty text', ''), bad('blank text', '   \t ')];
const ID_SHAPES: BadValue[] = [
  bad('empty', ''),
  bad('spaces', 'two words'),
  bad('a path', '../../etc/passwd'),
  bad('5,000 characters', 'g'.repeat(5000)),
  bad('a leading dash', '-lead'),
];
const NUMBER_TYPES: BadValue[] = [bad('a string', 'abc', COERCION), bad('a boolean', true, COERCION), bad('a list', [1], COERCION)];

export const BAD_VALUES: Record<ArgKind, BadValue[]> = {
  id: [...ANY_STRING, ...ID_SHAPES],
  text: [...ANY_STRING, ...TEXT_SHAPES, bad('90 KB of text', 'x'.repeat(90_000))],
  name: [...ANY_STRING, ...TEXT_SHAPES, bad('301 characters', 'n'.repeat(301)), bad('90 KB', 'n'.repeat(90_000))],
  year: [
    ...NUMBER_TYPES,
    bad('a fraction', 2024.5, COERCION),
    bad('beyond 32 bits', 2 ** 31, COERCION),
    bad('1999', 1999),
    bad('2101', 2101),
    bad('-1', -1),
  ],
  points: [...NUMBER_TYPES, bad('1e308', 1e308), bad('-1e308', -1e308), bad('three decimals', 1.234), bad('1e-7', 1e-7)],
  rawValue: [...NUMBER_TYPES, bad('150 %', 150), bad('-5', -5), bad('1e308', 1e308), bad('-1e308', -1e308), bad('100.01 %', 100.01)],
  indicator: [...NUMBER_TYPES, bad('1e308', 1e308), bad('-1e308', -1e308), bad('1e10', 1e10)],
  count: [...NUMBER_TYPES, bad('-1', -1), bad('a fraction', 3.5, COERCION)],
  revision: [
    ...ANY_STRING,
    bad('letters', 'abc'),
    bad('a fraction', '1.5'),
    bad('-2', '-2'),
    bad('a leading zero', '01'),
    bad('empty', ''),
    bad('beyond 64 bits', '99999999999999999999999'),
  ],
  page: [...NUMBER_TYPES, bad('-1', -1), bad('0', 0), bad('100000', 100_000), bad('a fraction', 2.5, COERCION)],
  refs: [
    bad('a null item', [null], COERCION),
    bad('a number item', [1], COERCION),
    bad('an empty item', ['']),
    bad('a 600-character item', ['r'.repeat(600)]),
    bad(
      '51 items',
      Array.from({ length: 51 }, (_, i) => `doc-${i}`),
    ),
    bad('a NUL byte in an item', ['doc\u0000'], COERCION),
  ],
  instant: [
    ...ANY_STRING,
    bad('"yesterday"', 'yesterday'),
    bad('a date only', '2024-06-30'),
    bad('no offset', '2024-06-30T12:00:00'),
    bad('month 13', '2024-13-01T00:00:00Z'),
    bad('30 February', '2024-02-30T00:00:00Z'),
    bad('24:00', '2024-06-30T24:00:00+07:00'),
    bad('empty', ''),
  ],
  choice: [...ANY_STRING, bad('unknown', 'galaxy'), bad('empty', ''), bad('wrong case', 'UPHELD')],
  version: [...NUMBER_TYPES, bad('0', 0), bad('-1', -1), bad('a fraction', 1.5, COERCION)],
  tree: [bad('a string', 'abc', COERCION), bad('a list of numbers', [1, 2], COERCION), bad('null', null, COERCION)],
};

/** Values that are only refused when the argument is required (null for a non-null type). */
export const NULL_FOR_REQUIRED: BadValue = bad('null for a required argument', null, COERCION);
