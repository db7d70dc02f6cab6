export {
  createHttp,
  HTTP_STATUS,
  SESSION_COOKIE,
  sessionCookie,
  type AuthSpec,
  type Http,
  type HttpOptions,
} from './server.js';
export { edgeOptionsFromEnv, CSP, PUBLIC_LIMITS, RateLimiter, type EdgeOptions, type Bucket } from './edge.js';
export { isoDate } from './inputs.js';
