/** Configuration of the infra app (environment variables or environments.json) is wrong. */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';
}
