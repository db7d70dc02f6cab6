export { openDb, type Db, type Queryable, type QueryResult, type OpenOptions } from './db.js';
export { migrate } from './migrate.js';
export { withoutSecondaryIndexes } from './bulk.js';
export { grantApplicationRole, roleOf } from './roles.js';
export { backupPglite, restorePglite, filterTar } from './backup.js';
export { ReadRouter, type ReplicaLag } from './read-router.js';
export { isConnectionLoss, isMultiHost, parsePgUrl, pickHost, retryUnavailable, type PgTarget } from './multihost.js';
export { maintainPartitions, managedParents, retentionFromEnv, type Retention } from './partitions.js';
export { refreshStatistics, needsAnalyze } from './statistics.js';
