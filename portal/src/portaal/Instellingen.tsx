import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { notifications, unwrap } from '../api/client';
import { Alert, Button, FormField, FormLabel, Heading1, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { DAYS } from '../socialmap/labels';
import { WEEKDAY_ORDER } from '../socialmap/search';
import { refusal } from './forms';
import { useFollows } from './Volgen';

type Frequency = 'OFF' | 'IMMEDIATE' | 'DAILY' | 'WEEKLY';
const FREQUENCY: Record<Frequency, string> = { OFF: 'Geen e-mail', IMMEDIATE: 'Meteen', DAILY: 'Eén keer per dag', WEEKLY: 'Eén keer per week' };
const KINDS: Record<string, string> = { PRACTICE: 'Praktijk', EXPERIMENT: 'Experiment', MUNICIPALITY: 'Gemeente', ORGANISATION: 'Organisatie',
  TAXONOMY_TERM: 'Soort steun', EVENT_TYPE: 'Soort wijziging' };

/** How and when I hear of what I follow: e-mail immediately, as a daily or weekly digest, or not. */
export default function Instellingen() {
  useTitle('Meldingen');
  const ids = { frequency: useId(), time: useId(), day: useId() };
  const current = useQuery({ queryKey: ['preferences'], queryFn: () => unwrap(notifications.GET('/notifications/preferences')) });
  const follows = useFollows();
  const [form, setForm] = useState({ frequency: 'IMMEDIATE' as Frequency, time: '08:00', day: 'MONDAY' });
  useEffect(() => {
    const email = current.data?.emailPreference;
    if (email) setForm({ frequency: (email.frequency ?? 'IMMEDIATE') as Frequency, time: email.time?.substring(0, 5) ?? '08:00', day: email.day ?? 'MONDAY' });
  }, [current.data]);
  const save = useMutation({
    mutationFn: () => unwrap(notifications.PUT('/notifications/preferences', { body: {
      timeZone: current.data?.timeZone ?? 'Europe/Amsterdam', locale: current.data?.locale ?? 'nl-NL',
      email: { frequency: form.frequency, time: form.frequency === 'DAILY' || form.frequency === 'WEEKLY' ? form.time : undefined,
        day: form.frequency === 'WEEKLY' ? form.day : undefined } } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <Heading1>Meldingen</Heading1>
      <Paragraph>Wat u volgt komt altijd in uw inbox. Kies hier of en wanneer u ook e-mail krijgt{current.data?.email ? ` (op ${current.data.email})` : ''}.</Paragraph>
      <form onSubmit={submit} className="mz-form">
        <FormField>
          <FormLabel htmlFor={ids.frequency}>E-mail</FormLabel>
          <Select id={ids.frequency} value={form.frequency} onChange={(e) => setForm({ ...form, frequency: e.target.value as Frequency })}>
            {Object.entries(FREQUENCY).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </FormField>
        {(form.frequency === 'DAILY' || form.frequency === 'WEEKLY') && (
          <FormField>
            <FormLabel htmlFor={ids.time}>Om (Nederlandse tijd)</FormLabel>
            <Textbox id={ids.time} type="time" value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
          </FormField>
        )}
        {form.frequency === 'WEEKLY' && (
          <FormField>
            <FormLabel htmlFor={ids.day}>Op</FormLabel>
            <Select id={ids.day} value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })}>
              {WEEKDAY_ORDER.map((day) => <SelectOption key={day} value={day}>{DAYS[day]}</SelectOption>)}
            </Select>
          </FormField>
        )}
        {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
        {save.isSuccess && <Alert type="ok"><Paragraph>Opgeslagen.{save.data?.nextDigestAt ? ` De volgende samenvatting komt op ${new Date(save.data.nextDigestAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}.` : ''}</Paragraph></Alert>}
        <div className="mz-search__actions"><Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Opslaan</Button></div>
      </form>
      <h2 className="utrecht-heading-2">Wat ik volg</h2>
      {follows.data && follows.data.length === 0 && <Paragraph>U volgt nog niets. Kies "volgen" op de pagina van een praktijk of experiment.</Paragraph>}
      <ul className="utrecht-unordered-list">
        {(follows.data ?? []).map((f) => (
          <li className="utrecht-unordered-list__item" key={`${f.kind}-${f.value}`}>
            {KINDS[f.kind ?? ''] ?? f.kind}:{' '}
            {f.kind === 'PRACTICE' ? <RouterLink className="utrecht-link" to={`/portaal/praktijken/${f.value}`}>naar de praktijk</RouterLink>
              : f.kind === 'EXPERIMENT' ? <RouterLink className="utrecht-link" to={`/portaal/experimenten/${f.value}`}>naar het experiment</RouterLink>
              : f.value}
          </li>
        ))}
      </ul>
    </>
  );
}
