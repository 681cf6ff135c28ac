import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { RunningApi } from './running-api.test-support';

/**
 * The operator's tool: the built projector CLI (apps/projector/dist/main.js, `par-projector`) run as
 * a process with the API's storage settings, exactly as ops run it beside a deployed API. A process,
 * not an import: apps never import from other apps. apps/api/turbo.json makes the API's tests wait
 * for the projector's build (and rerun when it changes).
 */
export const PROJECTOR_CLI = path.resolve(__dirname, '../../../projector/dist/main.js');

function requireBuiltCli(): void {
  if (!existsSync(PROJECTOR_CLI)) throw new Error(`${PROJECTOR_CLI} does not exist: build first (npm run build)`);
}

const execFileAsync = promisify(execFile);

const cliEnv = (api: RunningApi) => ({ ...process.env, ...api.storageEnv, EVENTSTORE_URL: '', LOG_LEVEL: 'warn' });

/** One ops command (`status`, `rebuild --no-switch`, `diff --from v1 --to v2`, `switch --to v2`, ...): its stdout; rejects with stderr on a non-zero exit. */
export async function projectorCli(api: RunningApi, ...args: string[]): Promise<string> {
  requireBuiltCli();
  try {
    return (await execFileAsync(process.execPath, [PROJECTOR_CLI, ...args], { env: cliEnv(api) })).stdout;
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: number };
    throw new Error(`par-projector ${args.join(' ')} exited with ${code}: ${stderr}`, { cause: error });
  }
}

/** `par-projector run`: the live projector of the deployment (the API runs with RUN_PROJECTOR=false). */
export interface LiveProjector {
  /** resolves once it holds the active version's lease and follows live events */
  ready: Promise<void>;
  /** SIGTERM, as `docker compose stop projector` does; resolves when the process has exited */
  stop(): Promise<void>;
}

export function startLiveProjector(api: RunningApi): LiveProjector {
  requireBuiltCli();
  const child = spawn(process.execPath, [PROJECTOR_CLI, 'run'], {
    env: { ...cliEnv(api), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (/following live events/.test(line)) resolve();
      });
    }
    void exited.then(() => reject(new Error(`par-projector run exited before following live events:\n${output.join('\n')}`)));
  });
  ready.catch(() => undefined); // a stop before it got ready is not an unhandled rejection
  return {
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
