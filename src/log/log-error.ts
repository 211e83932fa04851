/** Ways the log service refuses work. */
export type LogErrorCode = 'LOG_CLOSED' | 'ENTRY_TOO_LARGE' | 'LOG_CORRUPT' | 'SIZE_UNAVAILABLE';

/** Error thrown by the sequencer and the log reader. */
export class LogError extends Error {
  readonly code: LogErrorCode;

  constructor(code: LogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LogError';
    this.code = code;
  }
}
