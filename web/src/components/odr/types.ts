/** What the ODR firm detail (/api/odr/enterprises/:key) carries for its accounts and keys panel. */
export interface FirmAccess {
  key: string;
  odr: boolean;
  enrol_state: string;
  accounts: { id: string; username: string; display_name: string; active: boolean; created_at: string }[];
  keys: {
    id: string;
    prefix: string;
    label: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }[];
}
