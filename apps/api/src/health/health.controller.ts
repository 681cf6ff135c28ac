import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { INFRASTRUCTURE, type Infrastructure } from '../infrastructure/infrastructure';
import { HealthHttpExceptionFilter } from './http-exception.filter';
import { checkDatabase, checkProjections, type Check } from './readiness';

/** Liveness (the process answers) and readiness (it answers correctly: database, projections, lag). */
@Controller('health')
@UseFilters(HealthHttpExceptionFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  private indicator(key: string, check: () => Promise<Check>) {
    return async () => {
      const session = this.indicators.check(key);
      const result = await check();
      return result.ok ? session.up(result.details) : session.down(result.details);
    };
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      this.indicator('database', () => checkDatabase(this.infrastructure)),
      this.indicator('projections', () => checkProjections(this.infrastructure)),
    ]);
  }
}
