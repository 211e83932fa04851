// English: the reference catalogue. Every other locale must have exactly these keys and the same
// {placeholders} (i18n.test.ts). Placeholders are filled by translate() in ./translate.ts.

/** The verify page's messages in English. */
export const en = {
  languageName: 'English',
  title: 'Verify the transparency log',
  intro:
    'This page checks the log inside your browser, with the same verification code as the vigil verify command. It trusts only the keys named below.',
  language: 'Language',
  checkpointHeading: 'Current checkpoint',
  recordHeading: 'A record',
  recordLabel: 'Record number (0 is the first record)',
  recordCheck: 'Check this record',
  limitsHeading: 'What this page does not check',
  limitKeys:
    'It trusts the keys this server publishes. Compare them with keys you obtained in another way.',
  limitConsistency:
    'It does not check that this checkpoint extends the one you saw before: vigil verify log --state does.',
  limitEntries: 'It does not re-hash every record: vigil verify log --full does.',
  checking: 'Checking…',
  statusOk: 'Passed',
  statusFail: 'Failed',
  statusInfo: 'Note',
  keyFromPolicy: 'Trusted log key, taken from the published policy: {key}',
  keyFromServer: 'No policy is published. Trusted the log key the server announces: {key}',
  keyMismatch: 'The server announces another log key than its policy: {key}',
  policyBad: 'The published policy cannot be read: {detail}',
  policyNoLog: 'The published policy names no key for the log {origin}.',
  signatureOk:
    'Signed by the log key {name}: the signature verifies. The tree has {size} records; its root hash is {root}.',
  signatureBad: 'The checkpoint’s signature does not verify: {detail}',
  witnessOk: 'Witness {name} cosigned this checkpoint on {time}.',
  witnessMissing: 'Witness {name} did not cosign this checkpoint.',
  witnessBad: 'The cosignature of witness {name} does not verify: {detail}',
  quorumMet: '{count} of {total} witnesses cosigned; the policy’s quorum ({quorum}) is met.',
  quorumNotMet: '{count} of {total} witnesses cosigned; the policy’s quorum ({quorum}) is not met.',
  quorumNone: 'The policy requires no witness cosignatures.',
  noPolicyWitnesses: 'No policy is published, so witness cosignatures were not checked.',
  fetchFailed: 'Could not fetch {what}: {detail}',
  recordOk:
    'Record {index} is in the tree of size {size}: its inclusion proof leads to the signed root hash.',
  recordLeaf: 'Record {index} is {bytes} bytes long; its leaf hash is {hash}.',
  recordBeyond:
    'Record {index} is beyond the tree: the checkpoint covers records 0 to {last} only.',
  recordEmpty: 'The log is empty: there is no record to check.',
  recordBad: 'Record {index} could not be shown to be in the tree: {detail}',
  recordInvalidIndex: 'Enter a whole number, 0 or more.',
  recordNoCheckpoint: 'No record can be checked: the checkpoint did not verify.',
  unexpected: 'Unexpected failure: {detail}',
} as const satisfies Record<string, string>;

/** A message of the verify page. */
export type MessageKey = keyof typeof en;

/** One locale's messages: every key, no more. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
