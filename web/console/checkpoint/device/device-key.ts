// The device's Ed25519 key (DESIGN.md §5: what a monitor's device captures, it signs). Made in the
// browser: by WebCrypto where the browser has Ed25519 (Chromium since 137), with the private key
// non-extractable, so not even the page's own script can read it back — it can only sign; else by
// @noble/curves, whose signatures are byte-identical (RFC 8032 Ed25519 is deterministic), with
// the secret key kept as bytes in IndexedDB. Either kind is structured-cloneable and is stored
// as it is (device-store.ts).

/** A device key: the kind of signer, its private part, and the raw 32-byte public key. */
export type DeviceKey =
  | { readonly kind: 'webcrypto'; readonly privateKey: CryptoKey; readonly publicKey: Uint8Array }
  | { readonly kind: 'noble'; readonly secretKey: Uint8Array; readonly publicKey: Uint8Array };

/** What generateDeviceKey may use (tests choose; the console lets the browser decide). */
export interface KeyChoice {
  /** Try WebCrypto first (default true). */
  readonly webCrypto?: boolean;
}

async function webCryptoKey(): Promise<DeviceKey | undefined> {
  try {
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { kind: 'webcrypto', privateKey: pair.privateKey, publicKey };
  } catch {
    // NotSupportedError: this browser has no Ed25519 in WebCrypto.
    return undefined;
  }
}

async function nobleKey(): Promise<DeviceKey> {
  const { ed25519 } = await import('@noble/curves/ed25519.js');
  const secretKey = ed25519.utils.randomSecretKey();
  return { kind: 'noble', secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/**
 * A new device key: WebCrypto's non-extractable Ed25519 where the browser has it, else
 * @noble/curves.
 *
 * @example const key = await generateDeviceKey();
 */
export async function generateDeviceKey(choice: KeyChoice = {}): Promise<DeviceKey> {
  const native = choice.webCrypto === false ? undefined : await webCryptoKey();
  return native ?? nobleKey();
}

/** The Ed25519 signature (64 bytes) of `message` by `key`. */
export async function signWith(key: DeviceKey, message: Uint8Array): Promise<Uint8Array> {
  if (key.kind === 'webcrypto') {
    // A copy on its own ArrayBuffer: WebCrypto takes no view of a shared one.
    const bytes = new Uint8Array(message);
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, bytes);
    return new Uint8Array(signature);
  }
  const { ed25519 } = await import('@noble/curves/ed25519.js');
  return ed25519.sign(message, key.secretKey);
}
