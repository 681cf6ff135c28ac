import { Args, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ASSESSED_LEVELS, type AssessedLevel } from '@par-index/scoring';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Actor, type RequestActor } from '../../graphql/actor.decorator';
import { CommandDispatch } from '../shared/command-dispatch';
import { ID_MESSAGE, ID_PATTERN } from '../shared/command-inputs';
import { CommandResult } from '../shared/command-result.type';
import { ExecuteCriteriaSetCommand } from './criteria-set.command';
import { FieldInput } from './criteria-tree.input';
import { toCriteriaTree } from './criteria-tree.mapping';

@InputType({ description: 'A new criteria set (a draft until published).' })
export class DraftCriteriaSetInput {
  @Field({ description: 'e.g. PAR-2022-province' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field(() => Int, { description: 'the assessment year it is for' }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => String, { description: `one of ${ASSESSED_LEVELS.join(', ')}` }) @IsIn(ASSESSED_LEVELS) level!: AssessedLevel;
  @Field({ description: 'its name' }) @IsString() @Length(1, 300) name!: string;
}

@InputType({ description: 'The whole tree of a criteria set: its fields, criteria and leaves.' })
export class CriteriaTreeInput {
  @Field({ description: 'the criteria set code' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field(() => [FieldInput], { description: 'the fields (component indexes), in order' })
  @ValidateNested({ each: true })
  @Type(() => FieldInput)
  fields!: FieldInput[];
}

@Resolver()
export class CriteriaSetResolver {
  constructor(private readonly dispatch: CommandDispatch) {}

  private send(actor: RequestActor, code: string, command: ExecuteCriteriaSetCommand['command'], expectedRevision?: string | null) {
    return this.dispatch.send(new ExecuteCriteriaSetCommand(code, command, this.dispatch.envelope(actor, expectedRevision)));
  }

  @Mutation(() => CommandResult, { description: 'Start a draft criteria set for a year and level.' })
  draftCriteriaSet(@Actor() actor: RequestActor, @Args('input', { description: 'the command input' }) input: DraftCriteriaSetInput) {
    return this.send(actor, input.code, { type: 'DraftCriteriaSet', ...input });
  }

  @Mutation(() => CommandResult, { description: 'Replace the whole tree of a draft (fields → criteria → leaves).' })
  replaceCriteriaTree(
    @Actor() actor: RequestActor,
    @Args('input', { description: 'the command input' }) input: CriteriaTreeInput,
    @Args('expectedRevision', {
      description: 'the stream revision the client last saw (-1: no stream yet); another current revision is CONCURRENCY_CONFLICT',
      nullable: true,
    })
    expectedRevision?: string,
  ) {
    return this.send(actor, input.code, { type: 'ReplaceCriteriaTree', fields: toCriteriaTree(input.fields) }, expectedRevision);
  }

  @Mutation(() => CommandResult, { description: 'Validate and freeze the draft as version 1.' })
  publishCriteriaSet(@Actor() actor: RequestActor, @Args('code', { description: 'the criteria set code' }) code: string) {
    return this.send(actor, code, { type: 'PublishCriteriaSet' });
  }

  @Mutation(() => CommandResult, { description: 'Publish a new version with a reason; earlier versions stay readable.' })
  reviseCriteriaSet(
    @Actor() actor: RequestActor,
    @Args('input', { description: 'the command input' }) input: CriteriaTreeInput,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
  ) {
    return this.send(actor, input.code, { type: 'ReviseCriteriaSet', reason, fields: toCriteriaTree(input.fields) });
  }

  @Mutation(() => CommandResult, { description: 'Retire a criteria set: no new assessments are opened against it.' })
  retireCriteriaSet(
    @Actor() actor: RequestActor,
    @Args('code', { description: 'the criteria set code' }) code: string,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
  ) {
    return this.send(actor, code, { type: 'RetireCriteriaSet', reason });
  }
}
