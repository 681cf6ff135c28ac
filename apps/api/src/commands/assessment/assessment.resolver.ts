import { Args, Float, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, type RequestActor } from '../../graphql/actor.decorator';
import { parseSetVersion } from '../shared/command-args';
import { CommandDispatch } from '../shared/command-dispatch';
import { CommandResult } from '../shared/command-result.type';
import { pointsArg } from '../shared/points';
import { ExecuteAssessmentCommand, type AssessmentRequest } from './assessment.command';

const unitArgs = { unitId: () => Args('unitId'), year: () => Args('year', { type: () => Int }) };

/** The yearly cycle: self-assessment → appraisal → objections → results → approval → publication. */
@Resolver()
export class AssessmentResolver {
  constructor(private readonly dispatch: CommandDispatch) {}

  private send(actor: RequestActor, unitId: string, year: number, request: AssessmentRequest, expectedRevision?: string | null, set?: { code: string; version?: number }) {
    return this.dispatch.send(new ExecuteAssessmentCommand(unitId, year, request, this.dispatch.envelope(actor, expectedRevision), set));
  }

  @Mutation(() => CommandResult, { description: 'Open the unit-year assessment against a published criteria set (latest version by default).' })
  openAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('criteriaSetCode') criteriaSetCode: string, @Args('criteriaSetVersion', { type: () => Int, nullable: true }) criteriaSetVersion?: number) {
    return this.send(actor, unitId, year, { type: 'OpenAssessment' }, null, { code: criteriaSetCode, version: parseSetVersion(criteriaSetVersion, 'criteriaSetVersion') });
  }

  @Mutation(() => CommandResult, { description: "The unit's own score for one leaf, with evidence; re-recording before submission supersedes." })
  recordSelfScore(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode') leafCode: string, @Args('points', { type: () => Float }) points: number,
    @Args('evidenceRefs', { type: () => [String], nullable: true }) evidenceRefs?: string[], @Args('note', { nullable: true }) note?: string,
    @Args('expectedRevision', { nullable: true }) expectedRevision?: string) {
    return this.send(actor, unitId, year, { type: 'RecordSelfScore', leafCode, score: pointsArg(points, 'points'), evidenceRefs: evidenceRefs ?? [], note: note ?? null }, expectedRevision);
  }

  @Mutation(() => CommandResult)
  submitSelfAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'SubmitSelfAssessment' });
  }

  @Mutation(() => CommandResult, { description: 'The appraisal council’s score; a reason is required when it differs from the self-score.' })
  recordAppraisalScore(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode') leafCode: string, @Args('points', { type: () => Float }) points: number, @Args('reason', { nullable: true }) reason?: string,
    @Args('expectedRevision', { nullable: true }) expectedRevision?: string) {
    return this.send(actor, unitId, year, { type: 'RecordAppraisalScore', leafCode, score: pointsArg(points, 'points'), reason: reason ?? null }, expectedRevision);
  }

  @Mutation(() => CommandResult, {
    description: "A leaf that does not apply to the unit this year (with the reason): a unit officer proposes it during self-assessment (no self-score needed then); an appraiser marks it during appraisal, confirming a proposal or directly. Marked, it leaves the unit's applicable maximum: the index is points ÷ applicable maximum.",
  })
  markLeafNotApplicable(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf that does not apply' }) leafCode: string,
    @Args('reason', { description: 'why it does not apply to the unit this year' }) reason: string) {
    return this.send(actor, unitId, year, { type: 'MarkLeafNotApplicable', leafCode, reason });
  }

  @Mutation(() => CommandResult, {
    description: 'Undo of markLeafNotApplicable, with the reason: a unit officer withdraws its proposal during self-assessment; an appraiser during appraisal reverses a mark (the leaf returns to the applicable maximum and needs its appraisal score) or sets a proposal aside.',
  })
  markLeafApplicable(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode', { description: 'the leaf that applies again' }) leafCode: string,
    @Args('reason', { description: 'why it applies after all' }) reason: string) {
    return this.send(actor, unitId, year, { type: 'MarkLeafApplicable', leafCode, reason });
  }

  @Mutation(() => CommandResult, { description: "The unit's explanation or objection on an appraised leaf." })
  fileObjection(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('objectionId') objectionId: string, @Args('leafCode') leafCode: string, @Args('kind', { type: () => String }) kind: 'explanation' | 'objection',
    @Args('text') text: string, @Args('evidenceRefs', { type: () => [String], nullable: true }) evidenceRefs?: string[],
    @Args('proposedPoints', { type: () => Float, nullable: true }) proposedPoints?: number) {
    return this.send(actor, unitId, year, {
      type: 'FileObjection', objectionId, leafCode, kind, text, evidenceRefs: evidenceRefs ?? [],
      proposedScore: proposedPoints == null ? null : pointsArg(proposedPoints, 'proposedPoints'),
    });
  }

  @Mutation(() => CommandResult, { description: "The council's decision on an objection; upheld with correctedPoints changes the appraisal score." })
  decideObjection(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('objectionId') objectionId: string, @Args('outcome', { type: () => String }) outcome: 'upheld' | 'rejected', @Args('reason') reason: string,
    @Args('correctedPoints', { type: () => Float, nullable: true }) correctedPoints?: number) {
    return this.send(actor, unitId, year, {
      type: 'DecideObjection', objectionId, outcome, reason, correctedScore: correctedPoints == null ? null : pointsArg(correctedPoints, 'correctedPoints'),
    });
  }

  @Mutation(() => CommandResult, { description: 'A survey result (e.g. SIPAS %) for a survey leaf; points follow the leaf’s rule.' })
  recordSurveyResult(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode') leafCode: string, @Args('rawValue', { type: () => Float }) rawValue: number,
    @Args('sampleSize', { type: () => Int }) sampleSize: number, @Args('source') source: string) {
    return this.send(actor, unitId, year, { type: 'RecordSurveyResult', leafCode, rawValue, sampleSize, source });
  }

  @Mutation(() => CommandResult)
  recordIndicatorResult(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number,
    @Args('leafCode') leafCode: string, @Args('rawValue', { type: () => Float }) rawValue: number, @Args('source') source: string) {
    return this.send(actor, unitId, year, { type: 'RecordIndicatorResult', leafCode, rawValue, source });
  }

  @Mutation(() => CommandResult)
  finaliseAppraisal(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'FinaliseAppraisal' });
  }

  @Mutation(() => CommandResult)
  approveAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number, @Args('decisionReference') decisionReference: string) {
    return this.send(actor, unitId, year, { type: 'ApproveAssessment', decisionReference });
  }

  @Mutation(() => CommandResult)
  publishAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number) {
    return this.send(actor, unitId, year, { type: 'PublishAssessment' });
  }

  @Mutation(() => CommandResult, { description: 'Reopen an approved result for corrections; the history keeps both rounds.' })
  reopenAssessment(@Actor() actor: RequestActor, @unitArgs.unitId() unitId: string, @unitArgs.year() year: number, @Args('reason') reason: string) {
    return this.send(actor, unitId, year, { type: 'ReopenAssessment', reason });
  }
}
