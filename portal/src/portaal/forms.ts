import { ApiProblem } from '../api/client';

/** What the API refused, per field (from the problem's invalidParams), for showing next to the field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const errors: Record<string, string> = {};
  for (const param of (error.problem?.invalidParams ?? []) as { name?: string; reason?: string }[]) {
    if (param.name) errors[param.name.replace(/\[\d+\]$/, '')] = param.reason ?? 'ongeldig';
  }
  return errors;
}

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
