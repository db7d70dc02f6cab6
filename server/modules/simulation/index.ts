/**
 * Simulation module: a synthetic Shanghai city of complaint/report tickets with planted phenomena and their ground
 * truth (docs/SIMULATION.md). Public surface:
 *  - simulateCity(opts)      in-process: tickets (lazy, deterministic for a seed), truth(), businesses (for demo accounts)
 *  - writeSimulation(opts)   streams TIF to a file (gzip for .gz) and optionally the truth JSON
 */
import type { SimTruth, TifTicket } from '../../../shared/tif.js';
import { createSimulation, type SimOptions } from './domain/generate.js';
import type { SimBusiness } from './domain/city.js';

export { writeSimulation, type WriteResult } from './write.js';
export { isValidCreditCode, isValidIdNumber } from './domain/ids.js';
export type { SimBusiness, SimOptions };

export interface SimulatedCity {
  /** exactly `tickets` tickets in time order; iterate once (a fresh iteration regenerates the same tickets) */
  tickets: Iterable<TifTicket>;
  /** ground truth (TIF.md); if called before the tickets were iterated, generates them internally first */
  truth: () => SimTruth;
  /** every business of the city: platforms (is_platform, odr), platform sellers (platform), local shops; ~100 + platforms have odr: true */
  businesses: SimBusiness[];
}

export function simulateCity(opts: SimOptions): SimulatedCity {
  const sim = createSimulation(opts);
  return {
    tickets: { [Symbol.iterator]: () => sim.tickets() },
    truth: () => sim.truth(),
    businesses: sim.city.businesses,
  };
}
