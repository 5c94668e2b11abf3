import { ApiProblem } from '../api/client';

/** What the API refused, per field (from the problem's invalidParams), for showing next to the field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const errors: Record<string, string> = {};
  for (const param of (error.problem?.invalidParams ?? []) as { name?: string; reason?: string }[]) {
    if (!param.name) continue;
    const reason = param.reason ?? 'ongeldig';
    // "organisations[1].name" is shown at that row's field, and also counts for the list as a whole.
    errors[param.name] ??= reason;
    errors[param.name.replace(/\[\d+\]$/, '')] ??= reason;
    errors[param.name.split(/[.[]/)[0]] ??= reason;
  }
  return errors;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 412 || error.status === 409);
}

/** The If-Match value for a version read from the API. */
export const ifMatch = (version: number | undefined) => `"${version ?? 0}"`;

/** A refusal in Dutch, with the service's own explanation. */
export function refusal(error: unknown): string {
  if (!(error instanceof ApiProblem)) return 'Opslaan lukte niet. Probeer het opnieuw.';
  switch (error.status) {
    case 401: return 'U bent niet (meer) ingelogd. Log opnieuw in.';
    case 403: return `Dat mag u hier niet: ${error.problem?.detail ?? 'alleen deelnemende organisaties en coördinatoren'}.`;
    case 409:
    case 412: return 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en kijk wat er veranderd is.';
    case 400:
    case 422: return 'Niet alles is goed ingevuld. Kijk bij de velden hieronder.';
    case 429: return 'Even te veel tegelijk. Wacht een paar seconden en probeer het opnieuw.';
    default: return `Opslaan lukte niet (${error.status}). Probeer het later opnieuw.`;
  }
}
