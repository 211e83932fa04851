// Staff accounts, managed by admins signed in through a session. The new account's password
// and TOTP secret are in the creation answer only: they are stored hashed and sealed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffPolicy } from '../http/route-policy.ts';
import { STAFF_ROLES } from './roles.ts';
import type { StaffService } from './staff.service.ts';

const CreateUserRequest = z.strictObject({
  name: z.string().min(1).max(64),
  role: z.enum(STAFF_ROLES),
  password: z.string().min(12).max(256).optional(),
});

const NewUserResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  password: z.string(),
  totpSecret: z.string(),
  totpUri: z.string(),
});

const UserListResponse = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(STAFF_ROLES),
      createdAt: z.string(),
      disabledAt: z.string().nullable(),
    }),
  ),
});

/** Registers POST and GET /api/v1/users. */
export function registerStaffRoutes(app: FastifyInstance, deps: { staff: StaffService }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/users',
    {
      config: { policy: staffPolicy('admin') },
      schema: {
        security: [{ session: [] }],
        summary: 'Create a staff account; its password and TOTP secret are shown only here',
        body: CreateUserRequest,
        response: { 201: NewUserResponse },
      },
    },
    async (request, reply) => {
      const { password, ...rest } = request.body;
      const user = await deps.staff.addUser(password === undefined ? rest : { ...rest, password });
      return reply.code(201).header('cache-control', 'no-store').send(user);
    },
  );
  typed.get(
    '/api/v1/users',
    {
      config: { policy: staffPolicy('admin') },
      schema: {
        security: [{ session: [] }],
        summary: 'List staff accounts (no secrets)',
        response: { 200: UserListResponse },
      },
    },
    async () => ({ users: await deps.staff.listUsers() }),
  );
}
