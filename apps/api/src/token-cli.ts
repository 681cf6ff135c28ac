import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, resolveTokenKey } from '@par-index/config';
import { ACTOR_ROLES, type ActorRole } from '@par-index/domain';
import { SignJWT } from 'jose';

/**
 * `npm run token -- --role appraiser [--unit binh-duong ...] [--sub name] [--ttl 8h]`: prints a bearer
 * token signed with the embedded secret (or AUTH_JWT_SECRET), and nothing else on stdout.
 */
function role(value: string, previous: ActorRole[] = []): ActorRole[] {
  if (!(ACTOR_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${ACTOR_ROLES.join(', ')}`);
  return [...previous, value as ActorRole];
}
const collect = (value: string, previous: string[] = []) => [...previous, value];
function ttl(value: string): string {
  if (!/^[1-9]\d{0,5}[smhd]$/.test(value)) throw new InvalidArgumentError('must look like 30m, 8h or 7d');
  return value;
}

async function main(argv: string[]): Promise<void> {
  const options = new Command('token')
    .description('Print a bearer token for the par-index API')
    .requiredOption('--role <role>', `a role (${ACTOR_ROLES.join(', ')}); repeat for several`, role)
    .option('--unit <unitId>', 'a unit a unit_officer acts for; repeat for several', collect)
    .option('--sub <name>', 'the subject: the actor id recorded in every event (default: local-<role>)')
    .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h, 7d', ttl, '8h')
    .parse(argv)
    .opts<{ role: ActorRole[]; unit?: string[]; sub?: string; ttl: string }>();
  if (options.role.includes('unit_officer') && !options.unit?.length) {
    throw new ConfigError('a unit_officer token needs at least one --unit (the units it acts for)');
  }
  const config = loadConfig();
  if (config.auth.jwksUrl) throw new ConfigError('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command');
  const key = resolveTokenKey(config);
  if (key.kind !== 'secret') throw new ConfigError('no signing secret configured');
  let jwt = new SignJWT({ roles: options.role, units: options.unit ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub ?? `local-${options.role[0]}`)
    .setIssuedAt()
    .setExpirationTime(options.ttl);
  if (key.issuer) jwt = jwt.setIssuer(key.issuer);
  if (key.audience) jwt = jwt.setAudience(key.audience);
  process.stdout.write(`${await jwt.sign(key.secret)}\n`);
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
