import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as SocialMapPaths, components as SocialMapComponents } from './generated/socialmap-service';
import type { paths as PracticePaths, components as PracticeComponents } from './generated/practice-service';
import type { paths as ExperimentPaths, components as ExperimentComponents } from './generated/experiment-service';
import type { paths as NotificationPaths, components as NotificationComponents } from './generated/notification-service';
import type { paths as IdentityPaths, components as IdentityComponents } from './generated/identity-service';

export type Offer = SocialMapComponents['schemas']['Offer'];
export type Hit = SocialMapComponents['schemas']['Hit'];
export type SearchResult = SocialMapComponents['schemas']['SearchResult'];
export type RespiteRoute = SocialMapComponents['schemas']['RespiteRoute'];
export type Term = SocialMapComponents['schemas']['Term'];
export type Problem = SocialMapComponents['schemas']['Problem'];
export type Practice = PracticeComponents['schemas']['Practice'];
export type Experiment = ExperimentComponents['schemas']['Experiment'];
export type ExperimentView = ExperimentComponents['schemas']['ExperimentView'];
export type ExperimentSummary = ExperimentComponents['schemas']['ExperimentSummary'];
export type RunChartView = ExperimentComponents['schemas']['RunChartView'];
export type Signal = ExperimentComponents['schemas']['Signal'];
export type PartAnalysis = ExperimentComponents['schemas']['PartAnalysis'];
export type ImprovementCycle = ExperimentComponents['schemas']['ImprovementCycle'];
export type InboxItem = NotificationComponents['schemas']['InboxItem'];
export type Account = IdentityComponents['schemas']['AccountView'];
export type Client = IdentityComponents['schemas']['ClientView'];

/** The session's CSRF token, which the gateway sets as a readable cookie for the portal's writes. */
export function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.substring('XSRF-TOKEN='.length);
}

const csrf: Middleware = {
  onRequest({ request }) {
    // The portal is Dutch: the services then word their validation messages (invalidParams) in Dutch.
    request.headers.set('Accept-Language', 'nl');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('X-XSRF-TOKEN', decodeURIComponent(token));
    }
    return request;
  },
};

/** Same origin as the page: the gateway relays the session's token; the browser never holds one. */
export const socialMap = createClient<SocialMapPaths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
socialMap.use(csrf);
export const practices = createClient<PracticePaths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
practices.use(csrf);
export const experiments = createClient<ExperimentPaths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
experiments.use(csrf);
export const notifications = createClient<NotificationPaths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
notifications.use(csrf);
export const identity = createClient<IdentityPaths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
identity.use(csrf);

/** A problem+json answer as an error a page can show. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ApiProblem(response.status, error as Partial<Problem> | undefined);
  }
  return data;
}
