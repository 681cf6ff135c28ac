import type { DEMO_LEVELS } from './demo-criteria-sets';

/** The fictional province of the demo and the units it assesses. Names are invented. */
export interface DemoUnit {
  unitId: string;
  name: string;
  level: (typeof DEMO_LEVELS)[number];
  group: string;
  region: string | null;
  parentId: string | null;
}

export const DEMO_PROVINCE_ID = 'song-lam';

const DEPARTMENTS = [
  'Home Affairs',
  'Justice',
  'Planning and Investment',
  'Finance',
  'Industry and Trade',
  'Agriculture and Rural Development',
  'Transport',
  'Construction',
  'Natural Resources and Environment',
  'Information and Communications',
  'Labour, Invalids and Social Affairs',
  'Culture, Sports and Tourism',
  'Science and Technology',
  'Education and Training',
  'Health',
  'Foreign Affairs',
];
const OTHER_DEPARTMENT_LEVEL_BODIES = [
  'Provincial Inspectorate',
  "Office of the People's Committee",
  'Ethnic Affairs Committee',
  'Industrial Zones Authority',
];
const DISTRICTS = [
  'Song Lam City',
  'Ben Hoa Town',
  'An Thuy',
  'Dong Khe',
  'Phuoc Lam',
  'Thanh Vinh',
  'Lac Duong Ha',
  'Tan Son',
  'Hoa Ninh',
  'My Loc',
];
const CENTRAL_AGENCIES = [
  'Provincial Customs',
  'Provincial Tax Department',
  'State Treasury of Song Lam',
  'Provincial Social Insurance',
  'State Bank branch',
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function demoUnits(): DemoUnit[] {
  const under = (level: DemoUnit['level'], group: string, name: string, prefix: string): DemoUnit => ({
    unitId: `${prefix}${slug(name)}`,
    name,
    level,
    group,
    region: null,
    parentId: DEMO_PROVINCE_ID,
  });
  return [
    { unitId: DEMO_PROVINCE_ID, name: 'Song Lam Province', level: 'province', group: 'provinces', region: 'North Central', parentId: null },
    ...DEPARTMENTS.map((name) => under('department', 'departments', `Department of ${name}`, 'sl-')),
    ...OTHER_DEPARTMENT_LEVEL_BODIES.map((name) => under('department', 'departments', name, 'sl-')),
    ...DISTRICTS.map((name) => under('district', 'districts', name, 'sl-district-')),
    ...CENTRAL_AGENCIES.map((name) => under('central_agency', 'central-agencies', name, 'sl-')),
  ];
}
