/** sealed_record: the salt and canonical record behind each log entry (DESIGN.md §3). */
export interface SealedRecordTable {
  kind: string;
  id: string;
  version: number;
  at: string;
  visibility: string;
  salt: string | null;
  commitment: string | null;
  record: string;
  log_index: number;
}

/** The seal domain's tables. */
export interface SealTables {
  sealed_record: SealedRecordTable;
}
