#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '@par-index/config';
import { anchorHeadNow, startPlatform } from '@par-index/read-model';
import { withOpsPlatform } from './commands/ops-platform';
import { projectionStatus } from './commands/status.command';
import { resumeProjections, skipEvent } from './commands/recovery.command';
import { projectorHealth } from './commands/health.command';
import { diffCommand, pruneCommand, rebuildCommand, rollbackCommand, switchCommand } from './commands/versions.command';

/** The projector as its own process (docker-compose) plus the ops commands around it. */
const program = new Command().name('par-projector').description('Builds the par-index read models in PostgreSQL from the event store');

const print = (value: unknown): void =>
  void process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);

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
  .description('build a new read-model version from the start of the log beside the live one, then switch the API to it atomically')
  .option('--no-switch', 'build only; preview with `diff`, then `switch --to vN`')
  .action((options: { switch: boolean }) => withOpsPlatform(async (platform) => print(await rebuildCommand(platform, options))));

program
  .command('switch')
  .description('make a built version the one the API reads (it catches up first; one transaction)')
  .requiredOption('--to <vN>', 'the version to switch to')
  .action((options: { to: string }) => withOpsPlatform(async (platform) => print(await switchCommand(platform, options.to))));

program
  .command('rollback')
  .description('switch back to the version active before the last switch')
  .action(() => withOpsPlatform(async (platform) => print(await rollbackCommand(platform))));

program
  .command('prune')
  .description('drop every version that is neither active nor being written (ends rollback to it)')
  .action(() => withOpsPlatform(async (platform) => print(await pruneCommand(platform))));

program
  .command('diff')
  .description("which units' scores and ranks differ between two versions, and by how much")
  .requiredOption('--from <vN>', 'version to compare from')
  .requiredOption('--to <vM>', 'version to compare to')
  .action((options: { from: string; to: string }) =>
    withOpsPlatform(async (platform) => print(await diffCommand(platform, options.from, options.to))),
  );

program
  .command('health')
  .description("exit 0 when a projector holds the active version's lease and no projection is failed (container health check)")
  .action(() =>
    withOpsPlatform(async (platform) => {
      const health = await projectorHealth(platform);
      print(health.message);
      if (!health.ok) process.exitCode = 1;
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
