import { buildSchema } from 'graphql';
import { undocumented } from './undocumented';

describe('undocumented', () => {
  it('given a schema with gaps, then every undocumented type, field, argument and enum value is named', () => {
    const schema = buildSchema(`
      type Query { "documented" ranking(year: Int, "the level" level: String): Ranking  unit: String }
      "a ranking" type Ranking { "rows" rows: [String!]! live: Boolean! }
      type Bare { "x" x: Int }
      "status" enum Status { "open" OPEN CLOSED }
      input Filter { "a" a: Int b: Int }
    `);
    expect(undocumented(schema)).toEqual([
      'Bare',
      'Filter',
      'Filter.b',
      'Query.ranking(year)',
      'Query.unit',
      'Ranking.live',
      'Status.CLOSED',
    ]);
  });
});
