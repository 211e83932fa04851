// The shape of a report's receipt code, checked before it is sent so that a mistyped code is
// named at its field. The server's own check (src/monitoring/intake/resident/receipt-code.ts)
// uses node:crypto, which the browser has not: this copy is tested against it.

/**
 * True when `text`, without spaces and hyphens and in any case, is 32 letters a–z and digits
 * 2–7 (RFC 4648 base32), as every receipt code is.
 *
 * @example isReceiptCode('K3FQ-9ZT2 …') // false: too short
 */
export function isReceiptCode(text: string): boolean {
  return /^[a-z2-7]{32}$/.test(text.replace(/[\s-]/g, '').toLowerCase());
}
