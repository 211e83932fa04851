// The application database schema as Kysely sees it. One interface per table; migrations in
// ./migrations build the same tables on SQLite and PostgreSQL.
/** api_token: bearer tokens for partners and devices, stored only as SHA-256 digests. */
export interface ApiTokenTable {
  id: string;
  name: string;
  role: string;
  token_sha256: string;
  created_at: string;
  revoked_at: string | null;
}

/** Every table of the application database. */
export interface Database {
  api_token: ApiTokenTable;
}
