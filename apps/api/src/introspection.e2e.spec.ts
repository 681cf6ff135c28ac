import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

describe('introspection under the production configuration (NODE_ENV=production)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => api.stop());

  const INTROSPECT = '{ __schema { queryType { name } } __type(name: "Ranking") { fields { name } } }';

  it('given an authenticated client, then the schema can be introspected', async () => {
    const { status, body } = await api.gqlWithStatus<{ __schema: { queryType: { name: string } } }>(INTROSPECT, 'auditor');
    expect(status).toBe(200);
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });

  it('given an anonymous client, then introspection is refused as UNAUTHENTICATED while published data stays readable', async () => {
    const { status, body } = await api.gqlWithStatus(INTROSPECT, null);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const plain = await api.gql('{ criteriaSets { code } }', null);
    expect(plain).toEqual({ data: { criteriaSets: [] } });
  });
});
