import type { StaffRole } from './roles.ts';

/** A stored device: its public key, and its bearer token only as a digest. */
export interface StoredDevice {
  id: string;
  name: string;
  userId: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  tokenSha256: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The staff user who registered a device: the device acts with this user's role. */
export interface DeviceOwner {
  id: string;
  name: string;
  role: StaffRole;
  disabledAt: string | null;
}

/** A device found by its token, with its owner. */
export interface DeviceWithOwner {
  device: StoredDevice;
  owner: DeviceOwner;
}

/** Port for device storage. */
export interface DeviceRepository {
  insert(device: StoredDevice): Promise<void>;
  /** The device whose token has `tokenSha256`, with its owner. */
  findByDigest(tokenSha256: string): Promise<DeviceWithOwner | undefined>;
  findById(id: string): Promise<StoredDevice | undefined>;
  /**
   * Revokes device `id` at `at` unless already revoked; resolves to its revocation time (the
   * earlier one if it was already revoked), or undefined for an unknown device.
   */
  revoke(id: string, at: string): Promise<string | undefined>;
}
