import { randomInt } from 'node:crypto';
import { query } from '../harness/single-window.client';
import { newPlate } from '../harness/story';
import type { Base, FixtureSpec, Json } from './matrix.dsl';

// Fixtures made many per request (aliased mutations), by ministry-admin before any cell runs.

const BATCH = 15;

/** Runs one mutation for every input, BATCH to a request, and answers their payloads in order. */
export async function batchMutation(
  token: string,
  field: string,
  inputType: string,
  inputs: Array<Record<string, unknown>>,
  selection: string,
): Promise<Json[]> {
  const results: Json[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) {
    const chunk = inputs.slice(start, start + BATCH);
    const document = `mutation MatrixFixtures(${chunk.map((_, index) => `$i${index}: ${inputType}!`).join(', ')}) { ${chunk
      .map((_, index) => `f${index}: ${field}(input: $i${index}) { ${selection} }`)
      .join(' ')} }`;
    const data = await query<Record<string, Json>>(
      token,
      document,
      Object.fromEntries(chunk.map((input, index) => [`i${index}`, input])),
    );
    results.push(...chunk.map((_, index) => data[`f${index}`]));
  }
  return results;
}

/** Hazardous-goods vehicles of the Jiangsu enterprise, one per wanted `vehicle` fixture, certified in its region. */
export async function vehicleFixtures(
  token: string,
  base: Base,
  wanted: ReadonlyArray<{ key: string; spec: FixtureSpec }>,
): Promise<Array<[string, string]>> {
  const vehicles = wanted.filter((item) => item.spec.kind === 'vehicle') as Array<{
    key: string;
    spec: Extract<FixtureSpec, { kind: 'vehicle' }>;
  }>;
  const plates = vehicles.map(({ spec }) => newPlate(spec.region.startsWith('33') ? '浙A' : '苏A'));
  await batchMutation(
    token,
    'registerVehicle',
    'RegisterVehicleInput',
    vehicles.map(({ spec }, index) => ({
      plateNumber: plates[index],
      ownerCreditCode: base.jsEnterprise,
      vehicleType: '危险货物运输车',
      category: 'HAZARDOUS_GOODS',
      approvedLoadKg: 30000,
      hazardClasses: ['3'],
      transportCertificateNumber: `MX${randomInt(1e9)}`,
      regionCode: spec.region,
    })),
    'vehicle { plateNumber }',
  );
  return vehicles.map(({ key }, index) => [key, plates[index]]);
}
