import { Args, Float, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, type RequestActor } from '../../graphql/actor.decorator';
import { parseSetVersion } from '../shared/command-args';
import { CommandDispatch } from '../shared/command-dispatch';
import { CommandResult } from '../shared/command-result.type';
import { pointsArg } from '../shared/points';
import { ExecuteAssessmentCommand, type AssessmentRequest } from './assessment.command';

const unitArgs = {
  unitId: () => Args('unitId', { description: 'the unit id' }),
  year: () => Args('year', { description: 'the assessment year', type: () => Int }),
};

/** The yearly cycle: self-assessment → appraisal → objections → results → approval → publication. */
@Resolver()
export class AssessmentResolver {
  constructor(private readonly dispatch: CommandDispatch) {}

  private send(
    actor: RequestActor,
    unitId: string,
    year: number,
    request: AssessmentRequest,
    expectedRevision?: string | null,
    set?: { code: string; version?: number },
  ) {
    return this.dispatch.send(new ExecuteAssessmentCommand(unitId, year, request, this.dispatch.envelope(actor, expectedRevision), set));
  }

  @Mutation(() => CommandResult, {
    description: 'Open the unit-year assessment against a published criteria set (latest version by default).',
  })
  openAssessment(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('criteriaSetCode', { description: 'the criteria set code' }) criteriaSetCode: string,
    @Args('criteriaSetVersion', { description: 'a published version of the set (default: the latest)', type: () => Int, nullable: true })
    criteriaSetVersion?: number,
  ) {
    return this.send(actor, unitId, year, { type: 'OpenAssessment' }, null, {
      code: criteriaSetCode,
      version: parseSetVersion(criteriaSetVersion, 'criteriaSetVersion'),
    });
  }

  @Mutation(() => CommandResult, {
    description: "The unit's own score for one leaf, with evidence; re-recording before submission supersedes.",
  })
  recordSelfScore(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf (component criterion) code' }) leafCode: string,
    @Args('points', { description: 'points, at most 2 decimals', type: () => Float }) points: number,
    @Args('evidenceRefs', { description: 'references to evidence documents', type: () => [String], nullable: true })
    evidenceRefs?: string[],
    @Args('note', { description: "the unit's note on the score", nullable: true }) note?: string,
    @Args('expectedRevision', {
      description: 'the stream revision the client last saw (-1: no stream yet); another current revision is CONCURRENCY_CONFLICT',
      nullable: true,
    })
    expectedRevision?: string,
  ) {
    return this.send(
      actor,
      unitId,
      year,
      { type: 'RecordSelfScore', leafCode, score: pointsArg(points, 'points'), evidenceRefs: evidenceRefs ?? [], note: note ?? null },
      expectedRevision,
    );
  }

  @Mutation(() => CommandResult, { description: 'Submit the self-assessment: self-scoring closes and the appraisal starts.' })
  submitSelfAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'SubmitSelfAssessment' });
  }

  @Mutation(() => CommandResult, {
    description: 'The appraisal council’s score; a reason is required when it differs from the self-score.',
  })
  recordAppraisalScore(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf (component criterion) code' }) leafCode: string,
    @Args('points', { description: 'points, at most 2 decimals', type: () => Float }) points: number,
    @Args('reason', { description: 'why (kept in the audit trail)', nullable: true }) reason?: string,
    @Args('expectedRevision', {
      description: 'the stream revision the client last saw (-1: no stream yet); another current revision is CONCURRENCY_CONFLICT',
      nullable: true,
    })
    expectedRevision?: string,
  ) {
    return this.send(
      actor,
      unitId,
      year,
      { type: 'RecordAppraisalScore', leafCode, score: pointsArg(points, 'points'), reason: reason ?? null },
      expectedRevision,
    );
  }

  @Mutation(() => CommandResult, {
    description:
      "A leaf that does not apply to the unit this year (with the reason): a unit officer proposes it during self-assessment (no self-score needed then); an appraiser marks it during appraisal, confirming a proposal or directly. Marked, it leaves the unit's applicable maximum: the index is points ÷ applicable maximum.",
  })
  markLeafNotApplicable(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf that does not apply' }) leafCode: string,
    @Args('reason', { description: 'why it does not apply to the unit this year' }) reason: string,
  ) {
    return this.send(actor, unitId, year, { type: 'MarkLeafNotApplicable', leafCode, reason });
  }

  @Mutation(() => CommandResult, {
    description:
      'Undo of markLeafNotApplicable, with the reason: a unit officer withdraws its proposal during self-assessment; an appraiser during appraisal reverses a mark (the leaf returns to the applicable maximum and needs its appraisal score) or sets a proposal aside.',
  })
  markLeafApplicable(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf that applies again' }) leafCode: string,
    @Args('reason', { description: 'why it applies after all' }) reason: string,
  ) {
    return this.send(actor, unitId, year, { type: 'MarkLeafApplicable', leafCode, reason });
  }

  @Mutation(() => CommandResult, { description: "The unit's explanation or objection on an appraised leaf." })
  fileObjection(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('objectionId', { description: "the objection's id, chosen by the unit" }) objectionId: string,
    @Args('leafCode', { description: 'the leaf (component criterion) code' }) leafCode: string,
    @Args('kind', { description: 'explanation or objection', type: () => String }) kind: 'explanation' | 'objection',
    @Args('text', { description: "the unit's text" }) text: string,
    @Args('evidenceRefs', { description: 'references to evidence documents', type: () => [String], nullable: true })
    evidenceRefs?: string[],
    @Args('proposedPoints', { description: 'the score the unit asks for', type: () => Float, nullable: true }) proposedPoints?: number,
  ) {
    return this.send(actor, unitId, year, {
      type: 'FileObjection',
      objectionId,
      leafCode,
      kind,
      text,
      evidenceRefs: evidenceRefs ?? [],
      proposedScore: proposedPoints == null ? null : pointsArg(proposedPoints, 'proposedPoints'),
    });
  }

  @Mutation(() => CommandResult, {
    description: "The council's decision on an objection; upheld with correctedPoints changes the appraisal score.",
  })
  decideObjection(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('objectionId', { description: "the objection's id, chosen by the unit" }) objectionId: string,
    @Args('outcome', { description: 'upheld or rejected', type: () => String }) outcome: 'upheld' | 'rejected',
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
    @Args('correctedPoints', { description: 'with upheld: the corrected appraisal score', type: () => Float, nullable: true })
    correctedPoints?: number,
  ) {
    return this.send(actor, unitId, year, {
      type: 'DecideObjection',
      objectionId,
      outcome,
      reason,
      correctedScore: correctedPoints == null ? null : pointsArg(correctedPoints, 'correctedPoints'),
    });
  }

  @Mutation(() => CommandResult, { description: 'A survey result (e.g. SIPAS %) for a survey leaf; points follow the leaf’s rule.' })
  recordSurveyResult(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf (component criterion) code' }) leafCode: string,
    @Args('rawValue', { description: 'the raw value (a survey: a percentage)', type: () => Float }) rawValue: number,
    @Args('sampleSize', { description: 'respondents of the survey', type: () => Int }) sampleSize: number,
    @Args('source', { description: 'where the value comes from (report, agency)' }) source: string,
  ) {
    return this.send(actor, unitId, year, { type: 'RecordSurveyResult', leafCode, rawValue, sampleSize, source });
  }

  @Mutation(() => CommandResult, {
    description: 'An indicator value (e.g. GRDP growth) for an indicator leaf; points follow the leaf’s rule.',
  })
  recordIndicatorResult(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf (component criterion) code' }) leafCode: string,
    @Args('rawValue', { description: 'the raw value (a survey: a percentage)', type: () => Float }) rawValue: number,
    @Args('source', { description: 'where the value comes from (report, agency)' }) source: string,
  ) {
    return this.send(actor, unitId, year, { type: 'RecordIndicatorResult', leafCode, rawValue, source });
  }

  @Mutation(() => CommandResult, { description: 'Close the appraisal: every leaf is appraised and no objection is pending.' })
  finaliseAppraisal(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'FinaliseAppraisal' });
  }

  @Mutation(() => CommandResult, {
    description: 'Approve the finalised result under a decision reference (not by anyone who appraised it).',
  })
  approveAssessment(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('decisionReference', { description: "the approval decision's reference, e.g. QD-123/UBND" }) decisionReference: string,
  ) {
    return this.send(actor, unitId, year, { type: 'ApproveAssessment', decisionReference });
  }

  @Mutation(() => CommandResult, { description: 'Publish the approved result: it becomes public and enters the published ranking.' })
  publishAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'PublishAssessment' });
  }

  @Mutation(() => CommandResult, { description: 'Reopen an approved result for corrections; the history keeps both rounds.' })
  reopenAssessment(
    @Actor() actor: RequestActor,
    @unitArgs.unitId() unitId: string,
    @unitArgs.year() year: number,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
  ) {
    return this.send(actor, unitId, year, { type: 'ReopenAssessment', reason });
  }
}
