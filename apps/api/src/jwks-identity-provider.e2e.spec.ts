import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';
import { claimsFor, signHs256, signRs256 } from './testing/test-tokens.test-support';

/** The API configured with AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE against a local key set. */
describe('identity provider mode (JWKS), against the running API', () => {
  const ISSUER = 'https://idp.example.test/realms/par';
  const AUDIENCE = 'par-index';
  const KID = 'key-1';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let jwks: Server;
  let api: RunningApi;

  beforeAll(async () => {
    const keySet = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] });
    jwks = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(keySet));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    api = await startRunningApi({ env: { AUTH_JWT_SECRET: '', AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE } });
  });
  afterAll(async () => {
    await api.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const admin = (extra: Record<string, unknown> = {}) => ({
    ...claimsFor({ role: 'admin', sub: 'f3c1e8a2-5b7d-4e0f-9a61-2d8c4b1e7a90' }),
    iss: ISSUER,
    aud: AUDIENCE,
    ...extra,
  });
  const register = (unitId: string) =>
    `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`;
  const send = (query: string, token: string) => api.gqlWithStatus(query, null, { authorization: `Bearer ${token}` });

  it('given a token signed by the provider with its issuer and audience, then the command runs as its subject', async () => {
    const { status, body } = await send(register('jwks-unit'), signRs256(admin(), privateKey, KID));
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const { rows } = await queryEvents(api);
    expect(rows.at(-1)).toEqual({ actor_id: 'f3c1e8a2-5b7d-4e0f-9a61-2d8c4b1e7a90', actor_role: 'admin' });
  });

  it.each([
    ['another audience', () => signRs256(admin({ aud: 'other-api' }), privateKey, KID)],
    ['another issuer', () => signRs256(admin({ iss: 'https://evil.example' }), privateKey, KID)],
    ['no issuer or audience', () => signRs256(admin({ iss: undefined, aud: undefined }), privateKey, KID)],
    ['a key not in the key set', () => signRs256(admin(), stranger, KID)],
    [
      'HS256 signed with the public key (algorithm confusion)',
      () => signHs256(admin(), publicKey.export({ format: 'pem', type: 'spki' }).toString()),
    ],
    ['a subject that is not an id', () => signRs256(admin({ sub: 'alice@idp' }), privateKey, KID)],
    ['an expired token', () => signRs256(admin({ exp: Math.floor(Date.now() / 1000) - 60 }), privateKey, KID)],
  ])('given %s, then 401 UNAUTHENTICATED and nothing is appended', async (_, token) => {
    const before = await api.countEvents();
    const { status, body } = await send(register('refused-unit'), token());
    expect({ status, code: body.errors?.[0]?.extensions.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await api.countEvents()).toBe(before);
  });
});

async function queryEvents(api: RunningApi) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: api.database.url });
  await client.connect();
  try {
    return await client.query<{ actor_id: string; actor_role: string }>(
      "SELECT metadata->>'actorId' AS actor_id, metadata->>'actorRole' AS actor_role FROM eventstore.events ORDER BY position",
    );
  } finally {
    await client.end();
  }
}
