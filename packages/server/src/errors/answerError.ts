import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeError } from './describeError.ts';

/** Logs a thrown error and sends the one error body; shared by the error handler and framework errors. */
export function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = describeError(error, randomUUID);
  if (answer.fault) {
    // The stack goes to the log only; the caller gets the error id to quote.
    request.log.error(
      { err: error, errorId: answer.body.error.errorId },
      'request failed with a server fault',
    );
  } else {
    request.log.info({ status: answer.status, code: answer.body.error.code }, answer.body.error.message);
  }
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}
