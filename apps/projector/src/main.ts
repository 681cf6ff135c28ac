#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '@par-index/config';
import { anchorHeadNow, rebuildProjections, startPlatform } from '@par-index/read-model';

/** The projector as its own process (docker-compose) plus the ops commands around it. */
const program = new Command()
  .name('par-projector')
  .description('Builds the par-index read models in PostgreSQL from the event store');

program
  .command('run', { isDefault: true })
  .description('catch up from the checkpoints, then follow new events until stopped')
  .action(async () => {
    const platform = await startPlatform(loadConfig(), { runProjector: true, serveApi: false });
    const stop = async () => {
      await platform.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });

program
  .command('status')
  .description('print each projection checkpoint against the event store head')
  .action(async () => {
    const platform = await startPlatform(loadConfig(), { runProjector: false, serveApi: false });
    const { createProjectionDaemon } = await import('@par-index/read-model');
    const status = await createProjectionDaemon(platform.eventStore, platform.readModel).status();
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    await platform.stop();
  });

program
  .command('rebuild')
  .description('reset the read models and replay every event (the API keeps serving meanwhile)')
  .action(async () => {
    const platform = await startPlatform(loadConfig(), { runProjector: false, serveApi: false });
    const replayed = await rebuildProjections(platform.eventStore, platform.readModel, platform.logger);
    process.stdout.write(`rebuilt the read models from ${replayed} events\n`);
    await platform.stop();
  });

program
  .command('anchor')
  .description('sign the event store head with the chain key and append it to the anchor file')
  .action(async () => {
    const platform = await startPlatform({ ...loadConfig(), anchorIntervalSeconds: 0 }, { runProjector: false, serveApi: false });
    try {
      const anchor = await anchorHeadNow(platform.eventStore);
      process.stdout.write(anchor ? `${JSON.stringify(anchor)}\n` : 'nothing to anchor (empty store, or the head is already anchored)\n');
    } finally {
      await platform.stop();
    }
  });

program
  .command('verify')
  .description('check the keyed hash chain and the latest anchor; exit code 2 when broken')
  .action(async () => {
    const platform = await startPlatform({ ...loadConfig(), anchorIntervalSeconds: 0 }, { runProjector: false, serveApi: false });
    try {
      const result = await platform.eventStore.verify();
      process.stdout.write(`${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`);
      if (!result.ok) process.exitCode = 2;
    } finally {
      await platform.stop();
    }
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`par-projector: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
