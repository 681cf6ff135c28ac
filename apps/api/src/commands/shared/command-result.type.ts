import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a command did to its stream.' })
export class CommandResult {
  @Field({ description: 'the stream the command appended to' }) streamName!: string;
  @Field({ description: 'revision of the stream after the command (-1: still empty)' }) revision!: string;
  @Field(() => String, { nullable: true, description: 'global position of the last event; pass to queries to read your write' })
  position!: string | null;
  @Field(() => [String], { description: 'types of the events appended (or replayed)' }) eventTypes!: string[];
  @Field({ description: 'true when this idempotency key was applied before: nothing new was appended' }) replayed!: boolean;
  @Field({ description: 'true when the read models already include this command' }) projected!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'why projected is false (a failed projection and its poison event, or the wait timed out)',
  })
  notProjectedReason!: string | null;
}
