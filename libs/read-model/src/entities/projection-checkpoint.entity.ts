import { EntitySchema } from 'typeorm';

export interface ProjectionCheckpointRow {
  projectionName: string;
  /** global position of the last applied event; -1 before the first */
  position: string;
  updatedAt: Date;
}

export const ProjectionCheckpointEntity = new EntitySchema<ProjectionCheckpointRow>({
  name: 'ProjectionCheckpoint',
  tableName: 'projection_checkpoints',
  columns: {
    projectionName: { name: 'projection_name', type: 'text', primary: true },
    position: { type: 'bigint' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
