// POST /api/v1/info-items/import: a CSV file as the body (text/csv). The API otherwise speaks
// JSON only, so the CSV body parser lives in this route's own plugin scope (which takes nothing
// else) and no other route accepts text/csv.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, staffPolicy } from '../../../http/route-policy.ts';
import type { CsvImportService } from './csv-import.service.ts';

/** Largest import file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

const resultSchema = z.object({
  results: z.array(
    z.object({ row: z.number(), id: z.string(), status: z.enum(['inserted', 'updated']) }),
  ),
});

/** Registers the CSV import route. */
export function registerCsvImportRoutes(app: FastifyInstance, imports: CsvImportService): void {
  void app.register((scope, _options, done) => {
    // In this scope only: CSV in, JSON bodies out (a JSON string holding CSV is not a file).
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, parsed) => {
        parsed(null, body);
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/info-items/import',
      {
        config: { policy: staffPolicy('analyst', 'coordinator') },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          summary: 'Import items from CSV: all rows or none; an id updates its item, else inserts',
          security: [{ session: [] }],
          consumes: ['text/csv'],
          body: z.string(),
          response: { 200: resultSchema },
        },
      },
      async (request) => {
        return { results: await imports.import(request.body, actorIdOf(request)) };
      },
    );
    done();
  });
}
