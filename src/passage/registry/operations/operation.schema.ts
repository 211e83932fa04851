// What the operation routes accept and answer: a convoy or an open window, and its moves
// through the operation machine (DOMAIN.md §5).
import { z } from 'zod';
import { OPERATION_KINDS } from '../../database/passage-vocabulary.ts';
import { OPERATION_STATES } from '../../model/states.ts';
import { idSchema, instantSchema, lineOfText } from '../registry-input.ts';

/** A new operation; it starts `proposed`. */
export const newOperationSchema = z
  .strictObject({
    id: idSchema.exactOptional(),
    kind: z.enum(OPERATION_KINDS),
    /** A working name ('Convoy 3'); operational, never a person's. */
    name: lineOfText(200),
    originPlaceId: idSchema.nullable().exactOptional(),
    destinationPlaceId: idSchema.nullable().exactOptional(),
    windowStart: instantSchema.nullable().exactOptional(),
    windowEnd: instantSchema.nullable().exactOptional(),
  })
  .refine(
    (operation) =>
      operation.windowStart == null ||
      operation.windowEnd == null ||
      operation.windowStart < operation.windowEnd,
    { error: 'the window ends after it starts', path: ['windowEnd'] },
  );

/** A move of an operation; `version` is the version the caller read. */
export const operationTransitionSchema = z.strictObject({
  to: z.enum(OPERATION_STATES),
  /** Why (required to halt): operational, never about a person. */
  reason: lineOfText(500).exactOptional(),
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/** Input of a new operation (before parsing). */
export type NewOperationInput = z.input<typeof newOperationSchema>;
/** Input of a move (before parsing). */
export type OperationTransitionInput = z.input<typeof operationTransitionSchema>;

/** An operation as answered. */
export const operationResponse = z.object({
  id: z.string(),
  kind: z.enum(OPERATION_KINDS),
  name: z.string(),
  state: z.enum(OPERATION_STATES),
  stateReason: z.string().nullable(),
  originPlaceId: z.string().nullable(),
  destinationPlaceId: z.string().nullable(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

/** An operation with its history, oldest move first. */
export const operationWithHistoryResponse = operationResponse.extend({
  history: z.array(
    z.object({
      version: z.number(),
      from: z.enum(OPERATION_STATES),
      to: z.enum(OPERATION_STATES),
      reason: z.string().nullable(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});
