import type { Client } from 'pg';
import type { CheckResult } from './checks';
import type { System } from './system';
import type { World } from './world';

export async function badInputChecks(
  _system: System,
  _db: Client,
  _world: World,
  _count: number,
  _seed: number,
): Promise<CheckResult[]> {
  return Promise.resolve([]);
}
