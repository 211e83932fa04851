/** sync_item: every item a device submitted, keyed by its client-generated id (exactly once). */
export interface SyncItemTable {
  id: string;
  device_id: string;
  type: string;
  captured_at: string;
  received_at: string;
  signature: string;
  /** JSON of the answer given when the item was applied, repeated for a retried item. */
  result: string;
}

/** The sync domain's tables. */
export interface SyncTables {
  sync_item: SyncItemTable;
}
