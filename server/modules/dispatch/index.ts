/** dispatch: legal jurisdiction and routing to the competent district bureau and station. */
export { dispatch, locate, findPlatform, districtName, allDistricts, type DispatchInput, type DispatchResult } from './domain/jurisdiction.js';
