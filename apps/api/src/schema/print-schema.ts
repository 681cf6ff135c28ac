import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createLogger, loadConfig } from '@par-index/config';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../app.module';
import type { Infrastructure } from '../infrastructure/infrastructure';

/** The committed contract clients build against; regenerate it with `npm run schema`. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');
const REGENERATE = 'npm run schema   (builds, then writes apps/api/schema.graphql from the code)';

/** Nothing is connected: building the schema only reads the resolvers' metadata, no resolver runs. */
const unconnected = (what: string) =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error(`${what} is not available while printing the schema`);
      },
    },
  );

/** The schema exactly as the API serves it (same module, same options), booted without a database. */
export async function printServedSchema(): Promise<string> {
  const infrastructure: Infrastructure = {
    config: loadConfig({ API_PORT: '0' }),
    logger: createLogger('schema', 'silent'),
    eventStore: unconnected('the event store') as never,
    readModel: unconnected('the read model') as never,
    projectionNames: [],
    verifyToken: async () => null as never,
  };
  const app = await NestFactory.create(AppModule.register(infrastructure), { logger: false });
  try {
    await app.init();
    return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
  }
}

async function main(mode: string | undefined): Promise<void> {
  const printed = await printServedSchema();
  if (mode === '--write') {
    writeFileSync(SCHEMA_FILE, printed);
    process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
  } else if (mode === '--check') {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== printed) {
      process.stderr.write(
        `apps/api/schema.graphql differs from the schema the code serves. Regenerate it and commit it:\n  ${REGENERATE}\n`,
      );
      process.exit(1);
    }
    process.stdout.write('apps/api/schema.graphql matches the code\n');
  } else {
    process.stdout.write(printed);
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
