import { BadRequestException, ConflictException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { X12FormatError } from '../segments/x12-format.error';
import {
  X12InterchangeBusyError,
  X12InterchangeReusedError,
  type X12Answer,
} from '../intake/receive-interchange';

/** The media type of X12 (RFC 1767). */
export const X12_MEDIA_TYPE = 'application/edi-x12';

/**
 * Runs an X12 upload and answers it: 200 with the summary as JSON (or the acknowledgment alone for
 * `Accept: application/edi-x12`), 400 for a body that is not an X12 interchange, 409 for a reused or busy
 * interchange control number (with the TA1 for a reused one). Messages name segments, never values.
 */
export async function answerX12Upload<A extends X12Answer>(
  request: Request,
  response: Response,
  receive: (input: Request) => Promise<A>,
): Promise<void> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith(X12_MEDIA_TYPE)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `send the file as ${X12_MEDIA_TYPE}`,
    });
  }
  let answer: A;
  try {
    answer = await receive(request);
  } catch (error) {
    if (error instanceof X12FormatError) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.message });
    }
    if (error instanceof X12InterchangeReusedError) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: error.message,
        acknowledgment: error.acknowledgment,
      });
    }
    if (error instanceof X12InterchangeBusyError) {
      throw new ConflictException({ statusCode: 409, error: 'Conflict', message: error.message });
    }
    throw error;
  }
  const wanted = request.accepts(['application/json', X12_MEDIA_TYPE]);
  if (wanted === X12_MEDIA_TYPE) {
    response.status(200).type(X12_MEDIA_TYPE).send(answer.acknowledgment);
    return;
  }
  response.status(200).json(answer);
}
