// Small secrets that must be usable again (TOTP secrets) are stored sealed, never in clear: a
// copy of the database alone does not let anyone generate a staff member's codes. The box is
// the keyring's (AES-256-GCM under a subkey of the master key); auth depends only on its shape.
export type { SecretBox } from '../people/keyring.ts';
