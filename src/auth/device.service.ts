// Field devices (DESIGN.md §5): a monitor signed in on a device registers the device's Ed25519
// public key and receives a bearer token (`vgd_…`) for it. The device then acts with its owner's
// role, and what it captures carries its signature, which the server checks and keeps.
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { SignaturePool } from './signature-pool.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { DeviceRepository } from './device.repository.ts';
import type { Principal } from './roles.ts';
import { hasSecretShape, newSecretToken, sameDigest, secretDigest } from './secret-token.ts';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the raw key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_CACHE_LIMIT = 10_000;

/** A new device's credentials: the token is shown once and stored only as its digest. */
export interface RegisteredDevice {
  deviceId: string;
  token: string;
}

/** What DeviceService needs. */
export interface DeviceServiceOptions {
  repository: DeviceRepository;
  now?: () => Date;
  /** Verifies large batches on worker threads; without it, everything is verified inline. */
  signatures?: SignaturePool;
}

/** A capture's signed bytes and its base64 signature (attacker-controlled). */
export interface SignedMessage {
  message: Uint8Array;
  signature: string;
}

/** Strict base64 decoding of attacker-controlled text; undefined if not canonical. */
function decodeBase64(text: string): Buffer | undefined {
  return STRICT_BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

function ed25519Key(raw: Buffer): KeyObject {
  const key = Buffer.concat([SPKI_ED25519_PREFIX, raw]);
  return createPublicKey({ key, format: 'der', type: 'spki' });
}

/** Device registration, device tokens and device signatures. */
export class DeviceService {
  readonly #repository: DeviceRepository;
  readonly #now: () => Date;
  readonly #keys = new Map<string, KeyObject>();
  readonly #signatures: SignaturePool | undefined;

  constructor(options: DeviceServiceOptions) {
    this.#repository = options.repository;
    this.#signatures = options.signatures;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Registers a device for the staff user behind `owner` (a session). `publicKey` is the
   * base64 of the raw 32-byte Ed25519 key.
   */
  async register(
    owner: Principal,
    input: { name: string; publicKey: string },
  ): Promise<RegisteredDevice> {
    if (owner.userId === undefined) {
      throw new DomainError('forbidden', 'only a signed-in staff user registers a device');
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) {
      throw new DomainError('invalid_request', 'a device needs a name of 1 to 100 characters');
    }
    const raw = decodeBase64(input.publicKey);
    if (raw?.length !== 32) {
      throw new DomainError('invalid_request', 'publicKey is the base64 of a raw Ed25519 key');
    }
    const token = newSecretToken('vgd_');
    const deviceId = randomUUID();
    await this.#repository.insert({
      id: deviceId,
      name,
      userId: owner.userId,
      publicKey: raw.toString('base64'),
      tokenSha256: secretDigest(token),
      createdAt: this.#now().toISOString(),
      revokedAt: null,
    });
    return { deviceId, token };
  }

  /** The principal a device token stands for: the device, with its owner's role. */
  async authenticateDevice(token: string): Promise<Principal> {
    if (!hasSecretShape(token, 'vgd_')) throw unauthenticated();
    const expected = secretDigest(token);
    const found = await this.#repository.findByDigest(expected);
    if (found === undefined || !sameDigest(found.device.tokenSha256, expected)) {
      throw unauthenticated();
    }
    const { device, owner } = found;
    if (device.revokedAt !== null || owner.disabledAt !== null) throw unauthenticated();
    return {
      tokenId: device.id,
      name: device.name,
      role: owner.role,
      kind: 'device',
      userId: owner.id,
      deviceId: device.id,
    };
  }

  /**
   * True when `signatureBase64` is device `deviceId`'s Ed25519 signature of `message`. This is
   * a check of the signature alone: whether the device may submit now is for authentication to
   * say, and a capture signed before a revocation stays verifiable afterwards.
   */
  async verifySignature(
    deviceId: string,
    message: Uint8Array,
    signatureBase64: string,
  ): Promise<boolean> {
    const signature = decodeBase64(signatureBase64);
    if (signature?.length !== 64) return false;
    const key = await this.#publicKey(deviceId);
    return key !== undefined && verify(null, message, key, signature);
  }

  /**
   * Whether each of `signed` verifies under device `deviceId`'s key, in order (false for all
   * when the device is unknown). A batch of a device's captures is verified in one go, on a
   * worker thread when it is large.
   */
  async verifySignatures(deviceId: string, signed: readonly SignedMessage[]): Promise<boolean[]> {
    const key = await this.#publicKey(deviceId);
    if (key === undefined) return signed.map(() => false);
    const decoded = signed.map((entry) => ({
      message: entry.message,
      signature: decodeBase64(entry.signature),
    }));
    const checks = decoded.flatMap((entry) =>
      entry.signature?.length === 64
        ? [{ message: entry.message, signature: entry.signature }]
        : [],
    );
    const verdicts =
      this.#signatures === undefined
        ? checks.map((check) => verify(null, check.message, key, check.signature))
        : await this.#signatures.verifyMany(key, checks);
    let next = 0;
    return decoded.map((entry) => entry.signature?.length === 64 && verdicts[next++] === true);
  }

  /** Revokes device `deviceId` (idempotent); `not_found` for an unknown device. */
  async revoke(deviceId: string): Promise<void> {
    const revokedAt = await this.#repository.revoke(deviceId, this.#now().toISOString());
    if (revokedAt === undefined) throw new DomainError('not_found', 'no such device');
  }

  async #publicKey(deviceId: string): Promise<KeyObject | undefined> {
    const cached = this.#keys.get(deviceId);
    if (cached !== undefined) return cached;
    const device = await this.#repository.findById(deviceId);
    if (device === undefined) return undefined;
    const key = ed25519Key(Buffer.from(device.publicKey, 'base64'));
    // A device's key never changes, so entries never go stale; the bound only caps memory.
    if (this.#keys.size >= KEY_CACHE_LIMIT) this.#keys.clear();
    this.#keys.set(deviceId, key);
    return key;
  }
}

function unauthenticated(): DomainError<'unauthenticated'> {
  return new DomainError('unauthenticated', 'unknown or revoked device token');
}
