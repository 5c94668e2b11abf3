import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications, unwrap } from '../api/client';
import { Alert, Button, Paragraph } from '../components/nlds';
import { refusal } from './forms';

type Kind = 'PRACTICE' | 'EXPERIMENT' | 'MUNICIPALITY' | 'ORGANISATION' | 'TAXONOMY_TERM' | 'EVENT_TYPE';

export function useFollows() {
  return useQuery({ queryKey: ['follows'], queryFn: () => unwrap(notifications.GET('/notifications/follows')) });
}

/** Follow or unfollow something from its own page: changes then reach my inbox (and mail, by my settings). */
export function FollowButton({ kind, value, name }: { kind: Kind; value: string; name: string }) {
  const follows = useFollows();
  const queries = useQueryClient();
  const following = (follows.data ?? []).some((f) => f.kind === kind && f.value === value);
  const change = useMutation({
    mutationFn: async () => {
      if (following) {
        const { response } = await notifications.DELETE('/notifications/follows', { params: { query: { kind, value } } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } else {
        await unwrap(notifications.POST('/notifications/follows', { body: { kind, value } }));
      }
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['follows'] }),
  });
  if (!follows.data) return null;
  return (
    <div className="mz-no-print mz-follow">
      <Button appearance="secondary-action-button" aria-pressed={following} disabled={change.isPending} onClick={() => change.mutate()}>
        {following ? `${name} niet meer volgen` : `${name} volgen`}
      </Button>
      {change.isSuccess && <Paragraph role="status" small>{following ? 'U volgt dit: wijzigingen komen in uw inbox.' : 'U volgt dit niet meer.'}</Paragraph>}
      {change.isError && <Alert type="error"><Paragraph>{refusal(change.error)}</Paragraph></Alert>}
    </div>
  );
}
