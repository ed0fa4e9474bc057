import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { UpstreamName } from '../console.config';

/** The services' base URLs and the time limit of one call. */
export interface UpstreamSettings {
  readonly urls: Readonly<Record<UpstreamName, string>>;
  readonly timeoutMs: number;
}
export const UPSTREAM_SETTINGS = Symbol('UPSTREAM_SETTINGS');

/** A service's answer: its status and JSON body (null for 204 or a body that is not JSON). */
export interface UpstreamAnswer<T = unknown> {
  readonly status: number;
  readonly body: T | null;
}

/** Headers passed on to the services: the user's token (set from the session) and why member data is read. */
const FORWARDED_HEADERS = ['authorization', 'x-purpose-of-use', 'x-request-id'] as const;

/**
 * Calls the platform's services on behalf of the signed-in user: with their access token, so the service checks
 * their role and writes any read of member data to its audit trail under their name. A service that cannot be
 * reached in time answers 502 `upstream-unavailable` naming the service, never a member.
 */
@Injectable()
export class Upstream {
  private readonly logger = new Logger('Upstream');

  constructor(@Inject(UPSTREAM_SETTINGS) private readonly settings: UpstreamSettings) {}

  async call<T = unknown>(
    request: Request,
    service: UpstreamName,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<UpstreamAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: globalThis.Response;
    try {
      response = await fetch(`${this.settings.urls[service]}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${service} unreachable: ${error instanceof Error ? error.name : 'unknown'}`);
      return {
        status: 502,
        body: {
          statusCode: 502,
          error: 'Bad Gateway',
          code: 'upstream-unavailable',
          message: `${service} did not answer`,
        } as T,
      };
    }
    const text = await response.text();
    let parsed: T | null = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text) as T;
      } catch {
        parsed = null;
      }
    }
    return { status: response.status, body: parsed };
  }
}
