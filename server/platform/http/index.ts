export { createHttp, HTTP_STATUS, SESSION_COOKIE, type AuthSpec, type Http, type HttpOptions } from './server.js';
