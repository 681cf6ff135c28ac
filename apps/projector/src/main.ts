#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '@par-index/config';
import { anchorHeadNow, newInstanceId, rebuildActiveVersion, startPlatform } from '@par-index/read-model';
import { withOpsPlatform } from './commands/ops-platform';
import { projectionStatus } from './commands/status.command';
import { resumeProjections, skipEvent } from './commands/recovery.command';

/** The projector as its own process (docker-compose) plus the ops commands around it. */
const program = new Command()
  .name('par-projector')
  .description('Builds the par-index read models in PostgreSQL from the event store');

const print = (value: unknown): void => void process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);

program
  .command('run', { isDefault: true })
  .description('hold the projection lease and follow new events (or wait as hot standby) until stopped')
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
  .description('print the database, the active version and each projection state (lease holder, checkpoint, lag, errors)')
  .action(() => withOpsPlatform(async (platform) => print(await projectionStatus(platform))));

program
  .command('rebuild')
  .description('replay every event into the active version (refused while a projector holds its lease)')
  .action(() =>
    withOpsPlatform(async (platform) => {
      const replayed = await rebuildActiveVersion(platform.eventStore, platform.readModel, platform.databaseUrl, newInstanceId(), platform.logger);
      print(`rebuilt the read models from ${replayed} events`);
    }),
  );

program
  .command('resume')
  .description('retry a failed version from its checkpoint (after a fix, or after `skip`)')
  .option('--version <vN>', 'read-model version (default: the active one)')
  .action((options: { version?: string }) => withOpsPlatform(async (platform) => print(await resumeProjections(platform, options))));

program
  .command('skip')
  .description('record that the event at a position is not applied (the poison event), with a reason')
  .requiredOption('--position <n>', 'global position of the event')
  .requiredOption('--reason <text>', 'why it is skipped (recorded)')
  .option('--version <vN>', 'read-model version (default: the active one)')
  .option('--by <name>', 'who decided (default: the OS user)')
  .action((options: { position: string; reason: string; version?: string; by?: string }) =>
    withOpsPlatform(async (platform) => print(await skipEvent(platform, options))),
  );

program
  .command('anchor')
  .description('sign the event-store head with the chain key and append it to the anchor file')
  .action(() =>
    withOpsPlatform(async (platform) => {
      const anchor = await anchorHeadNow(platform.eventStore);
      print(anchor ?? 'nothing to anchor (empty store, or the head is already anchored)');
    }),
  );

program
  .command('verify')
  .description('check the keyed hash chain and the latest anchor; exit code 2 when broken')
  .action(() =>
    withOpsPlatform(async (platform) => {
      const result = await platform.eventStore.verify();
      print(JSON.parse(JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))));
      if (!result.ok) process.exitCode = 2;
    }),
  );

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`par-projector: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
