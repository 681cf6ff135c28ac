import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * The health routes are plain HTTP: their 503 (terminus' ServiceUnavailableException with the
 * indicators' details) is sent as JSON, ahead of the global GraphQL error filter.
 */
@Catch(HttpException)
export class HealthHttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    host.switchToHttp().getResponse<JsonResponse>().status(exception.getStatus()).json(exception.getResponse());
  }
}
