import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, M } from '../errors.js';
import { translate } from '../i18n.js';
import { type IssueLike, issueToError } from '../validation.js';

/** The one error body doorstep sends: `{ error: { code, message, field?, ...details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; [key: string]: unknown };
}

const FASTIFY_CODES: Record<string, (err: FastifyError) => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError(400, M['error.invalid_json']),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError(400, M['error.invalid_json']),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError(413, M['error.payload_too_large'], { limit: '1 MB' }),
  FST_REQ_FILE_TOO_LARGE: () => new AppError(413, M['error.payload_too_large'], { limit: '50 MB' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (err) =>
    new AppError(415, M['error.unsupported_media_type'], { type: err.message.split(': ').pop() ?? '' }),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new AppError(415, M['error.unsupported_media_type'], { type: 'multipart' }),
};

/** Map anything thrown to an AppError; unknown errors become a logged 500 with no detail. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0]!;
    const context = (err as { validationContext?: string }).validationContext;
    const issue: IssueLike = {
      ...(first.params as Record<string, unknown>),
      code: first.keyword,
      path: first.instancePath,
      message: first.message,
    };
    return issueToError(issue, context === 'body' ? '' : context === 'querystring' ? '' : '');
  }
  const fastifyError = err as FastifyError;
  if (fastifyError?.code && FASTIFY_CODES[fastifyError.code])
    return FASTIFY_CODES[fastifyError.code]!(fastifyError);
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError(fastifyError.statusCode, M['validation.invalid'], {
      field: 'request',
      detail: fastifyError.message,
    });
  }
  return null;
}

export function presentError(err: AppError, lang: 'zh-CN' | 'en'): ErrorBody {
  return {
    error: {
      code: err.code,
      message: translate(err.code, lang, err.params),
      ...(err.field ? { field: err.field } : {}),
      ...(err.details ?? {}),
    },
  };
}

/** Install the error and not-found handlers. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const appError = toAppError(err);
    if (!appError) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send(presentError(new AppError(500, M['error.internal']), req.lang));
    }
    if (appError.status >= 500) req.log.error({ err }, 'server error');
    return reply.status(appError.status).send(presentError(appError, req.lang));
  });
}
