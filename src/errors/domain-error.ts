import type { ErrorCode } from './error-catalogue.ts';

/**
 * What services throw. Carries a catalogued code; the HTTP edge maps it to a status and body
 * (src/http/error-handler.ts). Services never throw HTTP errors themselves.
 *
 * @example throw new DomainError('forbidden', 'partner tokens only')
 */
export class DomainError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly code: Code;
  readonly details: unknown;

  constructor(code: Code, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = options?.details;
  }
}
