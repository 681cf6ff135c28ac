import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('given an empty environment, then the embedded defaults apply', () => {
    const config = loadConfig({}, '/repo');
    expect(config).toEqual({
      databaseUrl: undefined,
      eventStoreUrl: undefined,
      dataDir: path.resolve('/repo', '.data'),
      embeddedPgPort: 54329,
      apiPort: 4000,
      apiHost: '127.0.0.1',
      runProjector: true,
      logLevel: 'info',
      graphqlMaxComplexity: 5000,
      readyMaxLagEvents: 5000,
      readyMaxLagSeconds: 30,
    });
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

  it('given blank variables, then they count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', EVENTSTORE_URL: '' }, '/repo').databaseUrl).toBeUndefined();
  });

  it('given an invalid port, then a ConfigError names the variable', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' }, '/repo')).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' }, '/repo')).toThrow(/API_PORT/);
  });
});
