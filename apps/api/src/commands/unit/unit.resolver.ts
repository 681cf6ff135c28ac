import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ASSESSED_LEVELS, type AssessedLevel } from '@par-index/scoring';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Actor, type RequestActor } from '../../graphql/actor.decorator';
import { CommandDispatch } from '../shared/command-dispatch';
import { ID_MESSAGE, ID_PATTERN } from '../shared/command-inputs';
import { CommandResult } from '../shared/command-result.type';
import { UnitGroupMove } from './unit-group-move';
import { ExecuteUnitCommand, type UnitRequest } from './unit.command';

@InputType({ description: 'A unit to register.' })
export class RegisterUnitInput {
  @Field({ description: 'the unit id (letters, digits, _ . : -)' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) unitId!: string;
  @Field({ description: 'its name' }) @IsString() @Length(1, 300) name!: string;
  @Field(() => String, { description: `one of ${ASSESSED_LEVELS.join(', ')}` }) @IsIn(ASSESSED_LEVELS) level!: AssessedLevel;
  @Field({ description: 'the ranking group (block), e.g. "provinces" or "ha-tinh:districts"' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  group!: string;
  @Field(() => String, { nullable: true, description: 'its region' }) @IsOptional() @IsString() @Length(1, 120) region?: string | null;
  @Field(() => String, { nullable: true, description: 'commune → district → province' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  parentId?: string | null;
}

@Resolver()
export class UnitResolver {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly groupMove: UnitGroupMove,
  ) {}

  private send(actor: RequestActor, unitId: string, request: UnitRequest) {
    return this.dispatch.send(new ExecuteUnitCommand(unitId, request, this.dispatch.envelope(actor)));
  }

  @Mutation(() => CommandResult, { description: 'Register a province, ministry, department, district, commune or central agency.' })
  registerUnit(@Actor() actor: RequestActor, @Args('input', { description: 'the command input' }) input: RegisterUnitInput) {
    return this.send(actor, input.unitId, {
      type: 'RegisterUnit',
      ...input,
      region: input.region ?? null,
      parentId: input.parentId ?? null,
    });
  }

  @Mutation(() => CommandResult, { description: 'Rename a unit; earlier names stay in its history.' })
  renameUnit(
    @Actor() actor: RequestActor,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('name', { description: 'the new name' }) name: string,
  ) {
    return this.send(actor, unitId, { type: 'RenameUnit', name });
  }

  @Mutation(() => CommandResult, {
    description:
      'Move the unit to another ranking group (block). Its assessments never published follow it (AssessmentGroupChanged); ' +
      'published ones keep the group they were published in. Repeating the move repairs one interrupted midway.',
  })
  moveUnitToGroup(
    @Actor() actor: RequestActor,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('group', { description: 'the new group (block)' }) group: string,
  ) {
    return this.groupMove.move(actor, unitId, group);
  }

  @Mutation(() => CommandResult, { description: 'Administrative merger: the unit joins `intoId`; both histories stay readable.' })
  mergeUnit(
    @Actor() actor: RequestActor,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('intoId', { description: 'the unit that absorbs it' }) intoId: string,
  ) {
    return this.send(actor, unitId, { type: 'MergeUnit', intoId });
  }

  @Mutation(() => CommandResult, { description: 'Deactivate a unit: it is no longer assessed.' })
  deactivateUnit(
    @Actor() actor: RequestActor,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
  ) {
    return this.send(actor, unitId, { type: 'DeactivateUnit', reason });
  }
}
