import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('given an empty environment, then the embedded defaults apply', () => {
    const config = loadConfig({}, '/repo');
    expect(config).toEqual({
      databaseUrl: undefined,
      eventStoreUrl: undefined,
      dataDir: path.resolve('/repo', '.data'),
      demo: 'auto',
      embeddedPgPort: 54329,
      apiPort: 4000,
      apiHost: '127.0.0.1',
      runProjector: true,
      logLevel: 'info',
      graphqlMaxComplexity: 25000,
      readyMaxLagEvents: 5000,
      readyMaxLagSeconds: 30,
      graphqlIntrospection: 'everyone',
      graphqlResponseCacheEntries: 500,
      roleUrls: { writer: undefined, projector: undefined, reader: undefined },
      hmacKey: undefined,
      anchorFile: path.resolve('/repo', '.data/anchors/anchors.jsonl'),
      anchorIntervalSeconds: 300,
      auth: { jwtSecret: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined },
      production: false,
    });
  });

  it('given NODE_ENV=production, then only authenticated callers may introspect unless GRAPHQL_INTROSPECTION says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, '/repo').graphqlIntrospection).toBe('authenticated');
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'everyone' }, '/repo').graphqlIntrospection).toBe('everyone');
  });

  it('given production variables, then they are used as given', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://u:p@db:5432/par', EVENTSTORE_URL: 'esdb://es:2113?tls=false', API_PORT: '8080', RUN_PROJECTOR: 'false' },
      '/repo',
    );
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/par');
    expect(config.eventStoreUrl).toBe('esdb://es:2113?tls=false');
    expect(config.apiPort).toBe(8080);
    expect(config.runProjector).toBe(false);
  });

  it('given DATABASE_URL or NODE_ENV=production, then the configuration counts as production', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/par' }, '/repo').production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }, '/repo').production).toBe(true);
  });

  it('given a short secret, both a secret and a JWKS, or a JWKS without issuer and audience, then a ConfigError explains', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' }, '/repo')).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://idp.example/jwks' }, '/repo')).toThrow(/not both/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' }, '/repo')).toThrow(
      /AUTH_AUDIENCE/,
    );
  });

  it('given PAR_DEMO=false, then the demo data is turned off', () => {
    expect(loadConfig({ PAR_DEMO: 'false' }, '/repo').demo).toBe('false');
    expect(() => loadConfig({ PAR_DEMO: 'yes' }, '/repo')).toThrow(/PAR_DEMO/);
  });

  it('given blank variables, then they count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', EVENTSTORE_URL: '' }, '/repo').databaseUrl).toBeUndefined();
  });

  it('given an invalid port, then a ConfigError names the variable', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' }, '/repo')).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' }, '/repo')).toThrow(/API_PORT/);
  });
});
