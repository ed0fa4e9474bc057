import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@care/auth';
import { Registry } from 'prom-client';

/**
 * Prometheus scrape endpoint. Public (docs/security.md): counts and timings only, no member data in any name or
 * label, and Prometheus scrapes without OIDC tokens; the service listens on 127.0.0.1 unless HTTP_HOST opens it.
 */
@ApiExcludeController()
@Public('Prometheus scrape: counts and timings only, no member data')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(Registry) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
