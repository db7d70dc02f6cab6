export { loadConfig, isProduction, keyBesideData, readKeyFile, ConfigError, type Config } from './config.js';
export { tightenPermissions, restrictUmask, looseFiles } from './permissions.js';
