import { lazy, Suspense } from 'react';
import { useMe } from '../api/session';

// Loaded only for someone logged in: caregivers' pages stay as small as they were.
const FollowButton = lazy(() => import('../portaal/Volgen').then((m) => ({ default: m.FollowButton })));

/** Follow buttons on public pages (an organisation, a kind of support, a municipality), for staff who are logged in. */
export function StaffFollow({ follows }: { follows: { kind: 'MUNICIPALITY' | 'ORGANISATION' | 'TAXONOMY_TERM'; value: string; name: string }[] }) {
  const me = useMe();
  if (!me.data || follows.length === 0) return null;
  return (
    <div className="mz-no-print mz-follows" role="group" aria-label="Volgen (voor medewerkers)">
      <Suspense fallback={null}>
        {follows.map((f) => <FollowButton key={`${f.kind}:${f.value}`} kind={f.kind} value={f.value} name={f.name} />)}
      </Suspense>
    </div>
  );
}
