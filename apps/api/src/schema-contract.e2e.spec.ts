import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { undocumented } from './schema/undocumented';

const PRINTER = path.resolve(__dirname, '../dist/schema/print-schema.js');
const SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

describe('the committed schema contract (apps/api/schema.graphql)', () => {
  it('given the built API, then the schema it serves is byte for byte the committed one (else: npm run schema)', () => {
    const check = spawnSync(process.execPath, [PRINTER, '--check'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(check.stderr || check.stdout);
    expect(check.status).toBe(0);
  });

  it('given the committed schema, then every type, field, argument and enum value has a description', () => {
    expect(undocumented(buildSchema(readFileSync(SCHEMA_FILE, 'utf8')))).toEqual([]);
  });
});
