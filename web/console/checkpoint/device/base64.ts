// Base64 of bytes and back, as the API writes keys and signatures (RFC 4648 §4, padded).

/** The padded base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of padded base64 `text`; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (symbol) => symbol.charCodeAt(0));
}
