import type { NextFunction, Request, Response } from 'express';
import { noStore } from './web-assets';

describe('noStore', () => {
  it('marks the answer no-store before the route runs, whatever the route answers', () => {
    const headers = new Map<string, string>();
    const response = {
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    } as unknown as Response;
    const seen: Array<string | undefined> = [];
    const next: NextFunction = () => seen.push(headers.get('cache-control'));

    noStore()({ path: '/members/M-1' } as Request, response, next);

    expect(seen).toEqual(['no-store']);
  });
});
