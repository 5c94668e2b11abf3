import { useQuery } from '@tanstack/react-query';

export type Me = { subject: string; name: string; roles: string[]; organisation?: string };

/**
 * Who is logged in, from the gateway's session. Without a session the gateway answers with a
 * redirect to the login page, which the portal treats as "not logged in" rather than following it.
 */
export async function fetchMe(): Promise<Me | null> {
  const response = await fetch('/portal/me', { redirect: 'manual', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) return null;
  if (!response.ok) throw new Error(`Sessie onbekend (${response.status})`);
  return (await response.json()) as Me;
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false });
}
