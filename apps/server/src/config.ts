/** Environment variables ClinicDesk reads. Names are a public contract (README lists them). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** CLINICDESK_REQUIRE_MFA=0 turns the organization MFA requirement off: development and tests only. */
  requireMfa: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  /** Set when served over HTTPS (behind TLS termination): cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
  jobs: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.CLINICDESK_DEMO !== '0',
    adminEmail: env.CLINICDESK_ADMIN_EMAIL || undefined,
    adminPassword: env.CLINICDESK_ADMIN_PASSWORD || undefined,
    requireMfa: env.CLINICDESK_REQUIRE_MFA !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: Number(env.CLINICDESK_BODY_LIMIT ?? 1_048_576),
    secureCookies: env.CLINICDESK_HTTPS === '1',
    jobs: env.CLINICDESK_JOBS !== '0',
  };
}
