import { generateNation, type GeneratorOptions } from './generate';
import { toMutation } from './api-driver';

const small: GeneratorOptions = {
  seed: 42,
  provinces: 2,
  years: 2,
  communes: true,
  departmentsPerProvince: 2,
  districtsPerProvince: 1,
  communesPerDistrict: 2,
};
const events = (options: GeneratorOptions) =>
  [...generateNation(options)].flatMap((phase) =>
    phase.chunks.flatMap((chunk) => chunk.events.map((event) => ({ stream: chunk.streamName, ...event }))),
  );

describe('seeded national generator', () => {
  it('given the same seed and options, when generated twice, then the events are identical (ids, data, metadata)', () => {
    expect(events(small)).toEqual(events(small));
  });

  it('given another seed, when generated, then the scores differ but the shape (units, streams) does not', () => {
    const a = events(small);
    const b = events({ ...small, seed: 7 });
    expect(new Set(b.map((e) => e.stream))).toEqual(new Set(a.map((e) => e.stream)));
    expect(b.map((e) => e.id)).not.toEqual(a.map((e) => e.id));
    expect(b.filter((e) => e.type === 'SelfScoreRecorded').map((e) => e.data.score)).not.toEqual(
      a.filter((e) => e.type === 'SelfScoreRecorded').map((e) => e.data.score),
    );
  });

  it('given a national year, then the distributions are realistic: most self-scores at the maximum, a few zero-point leaves, corrections with reasons, objections decided', () => {
    const all = events({ seed: 42, provinces: 3, years: 1, communes: false });
    const count = (type: string) => all.filter((e) => e.type === type).length;
    const maxima = new Map<string, number>();
    for (const e of all.filter((x) => x.type === 'CriteriaSetPublished')) {
      const walk = (nodes: { code: string; max: number; children?: unknown[] }[]) =>
        nodes.forEach((n) =>
          n.children ? walk(n.children as never) : maxima.set(`${(e.data.criteriaSet as { level: string }).level}/${n.code}`, n.max),
        );
      walk((e.data.criteriaSet as { fields: never[] }).fields);
    }
    const levelOf = new Map(all.filter((e) => e.type === 'AssessmentOpened').map((e) => [e.stream, e.data.level as string]));
    const selfScores = all.filter((e) => e.type === 'SelfScoreRecorded' && e.data.note !== 'draft' && (e.data.score as number) >= 0);
    const atMax = selfScores.filter((e) => e.data.score === maxima.get(`${levelOf.get(e.stream)}/${e.data.leafCode as string}`)).length;
    expect(atMax / selfScores.length).toBeGreaterThan(0.6);
    expect(selfScores.filter((e) => e.data.score === 0).length).toBeGreaterThan(0);
    const corrections = all.filter((e) => e.type === 'AppraisalScoreRecorded' && e.data.score !== e.data.selfScore);
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections.every((e) => typeof e.data.reason === 'string' && e.data.reason.length > 0)).toBe(true);
    expect(count('ObjectionDecided')).toBe(count('ObjectionFiled'));
    expect(count('ObjectionFiled')).toBeGreaterThan(0);
    expect(count('AssessmentReopened')).toBeGreaterThan(0);
    expect(count('AssessmentPublished')).toBe(count('AssessmentOpened') + count('AssessmentReopened'));
    expect(maxima.size).toBeGreaterThan(200); // three levels of about 90 leaves
  });

  it('given chunks, then each stream is appended in order with the revision it had before', () => {
    const revisions = new Map<string, number>();
    for (const phase of generateNation(small)) {
      for (const chunk of phase.chunks) {
        const before = revisions.get(chunk.streamName) ?? -1;
        expect(chunk.expected).toBe(before < 0 ? 'no_stream' : BigInt(before));
        revisions.set(chunk.streamName, before + chunk.events.length);
      }
    }
  });

  it('given the out-of-range scales, then it refuses', () => {
    expect(() => [...generateNation({ ...small, provinces: 64 })]).toThrow('provinces must be 1..63');
    expect(() => [...generateNation({ ...small, years: 0 })]).toThrow('years must be 1..20');
  });

  it('given every generated command, then the API driver maps it to a mutation with hundredths as points', () => {
    const commands = [...generateNation({ ...small, years: 1 })].flatMap((phase) => phase.chunks.flatMap((chunk) => chunk.commands));
    const mutations = commands.map(toMutation);
    expect(new Set(mutations.map((m) => /mutation\([^)]*\) \{ (\w+)/.exec(m.query)?.[1]))).toEqual(
      new Set([
        'draftCriteriaSet',
        'replaceCriteriaTree',
        'publishCriteriaSet',
        'registerUnit',
        'openAssessment',
        'recordSelfScore',
        'submitSelfAssessment',
        'recordSurveyResult',
        'recordIndicatorResult',
        'recordAppraisalScore',
        'finaliseAppraisal',
        'approveAssessment',
        'publishAssessment',
        ...new Set(
          commands
            .map((c) => c.command.type)
            .filter((t) => ['FileObjection', 'DecideObjection', 'ReopenAssessment'].includes(t))
            .map((t) => t[0]!.toLowerCase() + t.slice(1)),
        ),
      ]),
    );
    const selfScore = commands.find((c) => c.command.type === 'RecordSelfScore')!;
    expect(toMutation(selfScore).variables.points).toBe((selfScore.command.score as number) / 100);
  });
});
