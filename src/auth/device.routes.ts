// Field devices: registered from a signed-in session (the person vouches for the device), and
// revoked by an admin or coordinator when a device is lost or leaves the mission.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { staffPolicy } from '../http/route-policy.ts';
import type { DeviceService } from './device.service.ts';

const RegisterDeviceRequest = z.strictObject({
  name: z.string().min(1).max(100),
  publicKey: z.string().max(100),
});

const RegisteredDeviceResponse = z.object({
  deviceId: z.string(),
  token: z.string(),
});

const DeviceParams = z.object({ id: z.uuid() });

/** Registers POST /api/v1/devices and DELETE /api/v1/devices/:id. */
export function registerDeviceRoutes(app: FastifyInstance, deps: { devices: DeviceService }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/devices',
    {
      config: { policy: staffPolicy('monitor', 'coordinator', 'admin') },
      schema: {
        security: [{ session: [] }],
        summary: "Register this device's Ed25519 key; the device token is shown only here",
        body: RegisterDeviceRequest,
        response: { 201: RegisteredDeviceResponse },
      },
    },
    async (request, reply) => {
      const owner = request.principal;
      if (owner === undefined) throw new DomainError('unauthenticated', 'no principal');
      const device = await deps.devices.register(owner, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(device);
    },
  );
  typed.delete(
    '/api/v1/devices/:id',
    {
      config: { policy: staffPolicy('admin', 'coordinator') },
      schema: {
        security: [{ session: [] }],
        summary: 'Revoke a device: its token stops working at once',
        params: DeviceParams,
      },
    },
    async (request, reply) => {
      await deps.devices.revoke(request.params.id);
      return reply.code(204).send();
    },
  );
}
