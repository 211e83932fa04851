import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, staffPolicy } from '../../http/route-policy.ts';
import { DUPLICATE_DECISIONS, DUPLICATE_SUBJECT_KINDS } from '../model/duplicate-pair.ts';
import type { DuplicateDecisionService } from './duplicate-decision.service.ts';
import type { DuplicateSuggestionService } from './duplicate-suggestion.service.ts';

const REASONS = [
  'overlapping_time',
  'close_in_time',
  'same_place',
  'nearby_place',
  'same_event_type',
  'related_event_type',
  'similar_text',
] as const;

const Subject = z.strictObject({ kind: z.enum(DUPLICATE_SUBJECT_KINDS), id: z.uuid() });
const SuggestedRecord = z.object({
  kind: z.enum(DUPLICATE_SUBJECT_KINDS),
  id: z.string(),
  status: z.string(),
});
const Verdict = {
  score: z.number(),
  signals: z.object({ time: z.number(), place: z.number(), type: z.number(), text: z.number() }),
  reasons: z.array(z.enum(REASONS)),
  hoursApart: z.number().nullable(),
  kmApart: z.number().nullable(),
};
const DecisionKind = z.enum(DUPLICATE_DECISIONS);

const SuggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      ...Verdict,
      record: SuggestedRecord,
      decision: z
        .object({
          id: z.string(),
          decision: DecisionKind,
          decidedAt: z.string(),
          actor: z.string(),
          version: z.number(),
        })
        .nullable(),
    }),
  ),
});

const DecisionViewSchema = z.object({
  decision: z.object({
    id: z.string(),
    pair: z
      .tuple([SuggestedRecord.omit({ status: true }), SuggestedRecord.omit({ status: true })])
      .readonly(),
    decision: DecisionKind,
    score: z.number(),
    decidedAt: z.string(),
    actor: z.string(),
    version: z.number(),
  }),
  history: z.array(
    z.object({
      version: z.number(),
      decision: DecisionKind,
      reason: z.string(),
      score: z.number(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});

/** A short reason in staff's words: one line, no control or format characters. */
const Reason = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u);

const DecideBody = z.strictObject({
  pair: z.tuple([Subject, Subject]),
  decision: DecisionKind,
  reason: Reason,
  version: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** Most suggestions one answer holds. */
export const MAX_SUGGESTIONS = 200;
const Limit = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(20),
});
const Params = z.strictObject({ id: z.uuid() });

const ANALYSTS = staffPolicy('analyst', 'coordinator');

/** Registers the duplicate-suggestion routes (analysts and coordinators). */
export function registerDuplicateRoutes(
  app: FastifyInstance,
  services: { suggestions: DuplicateSuggestionService; decisions: DuplicateDecisionService },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { suggestions, decisions } = services;
  const security = [{ session: [] }];
  typed.get(
    '/api/v1/duplicates',
    {
      config: { policy: ANALYSTS },
      schema: {
        summary: 'The best undecided duplicate pairs among new items and untriaged incidents',
        security,
        querystring: Limit,
        response: {
          200: z.object({
            pairs: z.array(
              z.object({
                ...Verdict,
                pair: z.tuple([SuggestedRecord, SuggestedRecord]).readonly(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ pairs: await suggestions.queue(request.query.limit) }),
  );
  for (const [path, kind] of [
    ['incidents', 'incident'],
    ['info-items', 'info_item'],
  ] as const) {
    typed.get(
      `/api/v1/duplicates/${path}/:id`,
      {
        config: { policy: ANALYSTS },
        schema: {
          summary: `Records likely the same event as this ${kind.replace('_', ' ')} (dismissed pairs left out)`,
          security,
          params: Params,
          querystring: Limit,
          response: { 200: SuggestionsSchema },
        },
      },
      async (request) => ({
        suggestions: await suggestions.forSubject(
          { kind, id: request.params.id },
          request.query.limit,
        ),
      }),
    );
  }
  typed.post(
    '/api/v1/duplicates/decisions',
    {
      config: { policy: ANALYSTS },
      schema: {
        summary: 'Dismiss a pair (not the same event) or confirm it (the merge is a separate step)',
        security,
        body: DecideBody,
        response: { 201: DecisionViewSchema },
      },
    },
    async (request, reply) => {
      const view = await decisions.decide(request.body, actorIdOf(request));
      return reply.code(201).send(view);
    },
  );
  typed.get(
    '/api/v1/duplicates/decisions/:id',
    {
      config: { policy: ANALYSTS },
      schema: {
        summary: 'A decision on a pair, with who decided, when and why, every version',
        security,
        params: Params,
        response: { 200: DecisionViewSchema },
      },
    },
    (request) => decisions.get(request.params.id),
  );
}
