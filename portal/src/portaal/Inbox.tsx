import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications, unwrap } from '../api/client';
import { Button, Heading1, Paragraph } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { dutchDate } from '../socialmap/labels';
import { useInbox } from './queries';

/** The inbox: newest first, mark read, all read, archive; every action shows its result. */
export default function Inbox() {
  useTitle('Inbox');
  const inbox = useInbox();
  const queries = useQueryClient();
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['inbox'] }), queries.invalidateQueries({ queryKey: ['unread'] })]);
  const read = useMutation({ mutationFn: (id: string) => unwrap(notifications.POST('/notifications/inbox/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const archive = useMutation({ mutationFn: (id: string) => unwrap(notifications.POST('/notifications/inbox/{id}/archive', { params: { path: { id } } })), onSuccess: refresh });
  const allRead = useMutation({ mutationFn: () => unwrap(notifications.POST('/notifications/inbox/read-all')), onSuccess: refresh });
  const items = inbox.data?.items ?? [];
  return (
    <>
      <Heading1>Inbox</Heading1>
      <Paragraph role="status">{inbox.data ? `${inbox.data.unread ?? 0} ongelezen` : 'Laden…'}</Paragraph>
      {(inbox.data?.unread ?? 0) > 0 && <Button appearance="secondary-action-button" onClick={() => allRead.mutate()}>Alles gelezen</Button>}
      {inbox.data && items.length === 0 && <Paragraph>Uw inbox is leeg.</Paragraph>}
      <ol className="mz-hits">
        {items.map((i) => (
          <li className="mz-hit" key={i.id}>
            <h2 className="utrecht-heading-3">{i.read ? i.title : <strong>{i.title}</strong>}</h2>
            {i.body && <Paragraph>{i.body}</Paragraph>}
            <Paragraph small>{dutchDate(i.time)}{i.read ? ' · gelezen' : ' · nieuw'}</Paragraph>
            <div className="mz-search__actions">
              {!i.read && <Button appearance="secondary-action-button" onClick={() => read.mutate(i.id!)}>Gelezen</Button>}
              <Button appearance="subtle-button" onClick={() => archive.mutate(i.id!)}>Archiveren</Button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
