import type { AssessedLevel } from '@par-index/scoring';
import { SeededRandom } from './random';

/** One administrative unit of the generated nation. */
export interface GeneratedUnit {
  unitId: string;
  name: string;
  level: AssessedLevel;
  group: string;
  region: string;
  parentId: string | null;
  provinceId: string;
}

export interface NationShape {
  /** 1..63 */
  provinces: number;
  communes: boolean;
  /** fixed counts (small test sets); by default drawn per province like the real spread */
  departmentsPerProvince?: number;
  districtsPerProvince?: number;
  communesPerDistrict?: number;
}

const REGIONS = ['North', 'Central', 'South'] as const;
const PROVINCE_NAMES = [
  'An',
  'Bac',
  'Binh',
  'Cao',
  'Dak',
  'Dong',
  'Gia',
  'Ha',
  'Hoa',
  'Khanh',
  'Kien',
  'Lam',
  'Long',
  'Nam',
  'Ninh',
  'Phu',
  'Quang',
  'Soc',
  'Tay',
  'Thai',
  'Thanh',
];
const PROVINCE_SUFFIXES = ['Son', 'Giang', 'Lam', 'Hoa', 'Ninh', 'Thuan', 'Yen'];
const DEPARTMENTS = [
  'Home Affairs',
  'Justice',
  'Finance',
  'Planning and Investment',
  'Industry and Trade',
  'Agriculture',
  'Transport',
  'Construction',
  'Natural Resources',
  'Information and Communications',
  'Labour',
  'Culture and Sports',
  'Science and Technology',
  'Education',
  'Health',
  'Ethnic Affairs',
  'Inspectorate',
  'Foreign Affairs',
  'Tourism',
  "Office of the People's Committee",
  'Planning and Architecture',
  'Investment Promotion',
];

export const MAX_PROVINCES = 63;

/** Invented names with real shapes: 63 provinces, ~20 departments and ~11 districts each, ~13 communes per district. */
export function* nationUnits(seed: number, shape: NationShape): Generator<GeneratedUnit[]> {
  if (!Number.isInteger(shape.provinces) || shape.provinces < 1 || shape.provinces > MAX_PROVINCES) {
    throw new RangeError(`provinces must be 1..${MAX_PROVINCES}, got ${shape.provinces}`);
  }
  for (let p = 0; p < shape.provinces; p += 1) {
    const random = SeededRandom.derive(seed, `province${p}`);
    const provinceId = `p${String(p + 1).padStart(2, '0')}`;
    const region = REGIONS[Math.floor((p * REGIONS.length) / MAX_PROVINCES)]!;
    const provinceName = `${PROVINCE_NAMES[p % PROVINCE_NAMES.length]} ${PROVINCE_SUFFIXES[Math.floor(p / PROVINCE_NAMES.length) % PROVINCE_SUFFIXES.length]}`;
    const units: GeneratedUnit[] = [
      { unitId: provinceId, name: provinceName, level: 'province', group: 'provinces', region, parentId: null, provinceId },
    ];
    const departments = shape.departmentsPerProvince ?? random.int(17, DEPARTMENTS.length);
    for (let d = 0; d < departments; d += 1) {
      units.push({
        unitId: `${provinceId}-dep${d + 1}`,
        name: `${provinceName} Department of ${DEPARTMENTS[d % DEPARTMENTS.length]}`,
        level: 'department',
        group: `${provinceId}-departments`,
        region,
        parentId: provinceId,
        provinceId,
      });
    }
    const districts = shape.districtsPerProvince ?? random.int(8, 14);
    for (let d = 0; d < districts; d += 1) {
      const districtId = `${provinceId}-dis${d + 1}`;
      units.push({
        unitId: districtId,
        name: `${provinceName} District ${d + 1}`,
        level: 'district',
        group: `${provinceId}-districts`,
        region,
        parentId: provinceId,
        provinceId,
      });
      if (!shape.communes) continue;
      const communes = shape.communesPerDistrict ?? random.int(9, 18);
      for (let c = 0; c < communes; c += 1) {
        units.push({
          unitId: `${districtId}-com${c + 1}`,
          name: `${provinceName} District ${d + 1} Commune ${c + 1}`,
          level: 'commune',
          group: `${provinceId}-communes`,
          region,
          parentId: districtId,
          provinceId,
        });
      }
    }
    yield units;
  }
}
