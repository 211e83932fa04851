// The QR code handed to a household with its reference code: it encodes the code alone (no
// URL, no id, no name), so a lost printout reveals nothing without a member's birth year.
import { toString as qrToString } from 'qrcode';

/**
 * An SVG QR code of `referenceCode`, error correction M (survives a creased printout).
 *
 * @example await referenceQrSvg('K3F9-0QZT-7M2A-W') // '<svg xmlns=…'
 */
export function referenceQrSvg(referenceCode: string): Promise<string> {
  return qrToString(referenceCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
