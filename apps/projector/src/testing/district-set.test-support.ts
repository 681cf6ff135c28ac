/** A two-leaf district criteria set and unit ids, shared by the projector's process-level tests. */
export const DISTRICT_SET = {
  code: 'PAR-2024-district',
  year: 2024,
  level: 'district',
  version: 1,
  maxTotal: 1000,
  fields: [
    {
      type: 'group',
      code: 'F1',
      name: 'Direction',
      max: 1000,
      children: [
        { type: 'leaf', code: 'L1', name: 'Plan', max: 600, scoring: { kind: 'appraised' } },
        { type: 'leaf', code: 'L2', name: 'Reports', max: 400, scoring: { kind: 'appraised' } },
      ],
    },
  ],
};

export const districtId = (i: number): string => `district-${String(i).padStart(3, '0')}`;
