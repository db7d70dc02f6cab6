/** dispatch: legal jurisdiction and routing to the competent district bureau and station, referral when outside. */
export {
  dispatch,
  setStationOverrides,
  stationOfStreet,
  locate,
  findPlatform,
  creditCodePlace,
  districtName,
  allDistricts,
  type DispatchInput,
  type DispatchResult,
  type Referral,
} from './domain/jurisdiction.js';
export { parseAddress, type ParsedAddress, type Mode as AddressMode } from './domain/address.js';
