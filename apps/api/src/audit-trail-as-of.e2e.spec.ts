import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

/** The same instant written with another offset: `+14:00` reads as a later day, `-12:00` as an earlier one. */
function atOffset(millis: number, offsetHours: number): string {
  const local = new Date(millis + offsetHours * 3_600_000).toISOString().slice(0, 23);
  const sign = offsetHours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

describe('assessmentHistory asOf compares instants, not strings (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  let occurredAt: number[];

  beforeAll(async () => {
    api = await startRunningApi();
    const setup = [
      'mutation { draftCriteriaSet(input:{code:"PAR-T", year:2024, level:"province", name:"T"}) { revision } }',
      'mutation { replaceCriteriaTree(input:{code:"PAR-T", fields:[{code:"F1", name:"F", criteria:[{code:"C1", name:"C", leaves:[{code:"A1", name:"A1", max:2, kind:"appraised"}]}]}]}) { revision } }',
      'mutation { publishCriteriaSet(code:"PAR-T") { revision } }',
      'mutation { registerUnit(input:{unitId:"lang-son", name:"Lang Son", level:"province", group:"provinces"}) { revision } }',
      'mutation { openAssessment(unitId:"lang-son", year:2024, criteriaSetCode:"PAR-T") { revision } }',
    ];
    for (const mutation of setup) expect((await api.gql(mutation)).errors).toBeUndefined();
    const { data } = await api.gql<{ assessmentHistory: { occurredAt: string }[] }>(
      '{ assessmentHistory(unitId:"lang-son", year:2024) { occurredAt } }',
    );
    occurredAt = data!.assessmentHistory.map((event) => Date.parse(event.occurredAt));
  });
  afterAll(() => api.stop());

  const history = (asOf: string) =>
    api.gql<{ assessmentHistory: unknown[] }>(`{ assessmentHistory(unitId:"lang-son", year:2024, asOf:"${asOf}") { type } }`);

  it('given an instant an hour before the first event written at +14:00, then nothing is returned', async () => {
    const { data, errors } = await history(atOffset(occurredAt[0]! - 3_600_000, 14));
    expect(errors).toBeUndefined();
    expect(data!.assessmentHistory).toEqual([]);
  });

  it('given the instant of the last event written at -12:00, then every event is returned', async () => {
    const { data } = await history(atOffset(occurredAt[occurredAt.length - 1]!, -12));
    expect(data!.assessmentHistory).toHaveLength(occurredAt.length);
  });

  it.each(['yesterday', '2024-06-30', '2024-02-30T00:00:00Z', '2024-06-30T12:00:00'])(
    'given asOf "%s", then BAD_USER_INPUT (400)',
    async (asOf) => {
      const { status, body } = await api.gqlWithStatus(`{ assessmentHistory(unitId:"lang-son", year:2024, asOf:"${asOf}") { type } }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    },
  );
});
