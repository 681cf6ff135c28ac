import { userInfo } from 'node:os';
import { activeVersion, parseVersion, readProjectionStates, recordSkip, requestResume, type Platform } from '@par-index/read-model';

async function versionOf(platform: Platform, version: string | undefined): Promise<number> {
  return version === undefined ? activeVersion(platform.readModel.manager) : parseVersion(version);
}

/** `resume`: the projector holding the failed version's lease retries from its checkpoint. */
export async function resumeProjections(platform: Platform, options: { version?: string }): Promise<string> {
  const version = await versionOf(platform, options.version);
  const resumed = await requestResume(platform.readModel.manager, version);
  if (resumed === 0) return `nothing to resume: no projection of version ${version} is failed`;
  return `resume requested for ${resumed} projection(s) of version ${version}; the projector holding its lease retries within a second`;
}

/** `skip`: records (with its reason) that version N does not apply the event at a position; then resume. */
export async function skipEvent(
  platform: Platform,
  options: { position: string; reason: string; version?: string; by?: string },
): Promise<string> {
  if (!/^\d+$/.test(options.position)) throw new Error(`--position must be an event position, got "${options.position}"`);
  const version = await versionOf(platform, options.version);
  const position = BigInt(options.position);
  const by = options.by ?? userInfo().username;
  await recordSkip(platform.readModel.manager, version, position, options.reason, by);
  const failedHere = (await readProjectionStates(platform.readModel.manager, version)).some(
    (s) => s.status === 'failed' && s.poisonPosition === position.toString(),
  );
  return (
    `recorded: version ${version} skips the event at position ${position} (${options.reason}, by ${by})` +
    (failedHere ? '; it is the recorded poison event: run `resume` to continue' : '')
  );
}
