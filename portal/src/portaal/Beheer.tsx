import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identity, unwrap, type Account, type Client } from '../api/client';
import { Alert, Button, Heading1, Heading2, Paragraph, StatusBadge, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { Checkboxes, Field } from './Field';
import { fieldErrors, refusal } from './forms';

const ROLES: Record<string, string> = { ORGANISATION_STAFF: 'Medewerker van een organisatie', COORDINATOR: 'Coördinator', OPERATOR: 'Beheerder (techniek)' };

/** A link that works once: shown to the coordinator to pass on (the e-mail carries it too). */
function OnceOnly({ title, value, note }: { title: string; value: string; note: string }) {
  return (
    <Alert type="ok">
      <Paragraph><strong>{title}</strong></Paragraph>
      <Paragraph><code className="mz-secret">{value}</code></Paragraph>
      <Paragraph small>{note}</Paragraph>
    </Alert>
  );
}

function InviteForm() {
  const queries = useQueryClient();
  const [form, setForm] = useState({ email: '', name: '', organisation: '', roles: ['ORGANISATION_STAFF'] });
  const invite = useMutation({
    mutationFn: () => unwrap(identity.POST('/users', { body: { email: form.email, name: form.name, organisation: form.organisation || undefined, roles: form.roles as 'COORDINATOR'[] } })),
    onSuccess: async () => {
      setForm({ email: '', name: '', organisation: '', roles: ['ORGANISATION_STAFF'] });
      await queries.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
  const errors = fieldErrors(invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form className="mz-form" aria-label="Medewerker uitnodigen" onSubmit={submit} noValidate>
      <div className="mz-search">
        <Field label="Naam" error={errors.name}><Textbox value={form.name} maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
        <Field label="E-mailadres" error={errors.email}><Textbox type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></Field>
        <Field label="Organisatie" hint="Leeg voor coördinatoren" error={errors.organisation}><Textbox value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} /></Field>
      </div>
      <Checkboxes legend="Rollen" options={ROLES} value={form.roles} onChange={(roles) => setForm({ ...form, roles })} error={errors.roles} />
      {invite.isError && <Alert type="error"><Paragraph>{refusal(invite.error)}</Paragraph></Alert>}
      {invite.data?.activationUrl && (
        <OnceOnly title={`${invite.data.name} is uitgenodigd. De activeringslink (ook per e-mail verstuurd):`} value={invite.data.activationUrl}
          note="Met deze link kiest de medewerker een wachtwoord. Hij werkt één keer." />
      )}
      <Button type="submit" appearance="primary-action-button" disabled={invite.isPending}>Uitnodigen</Button>
    </form>
  );
}

function AccountRow({ account }: { account: Account }) {
  const queries = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const deactivate = useMutation({
    mutationFn: () => unwrap(identity.POST('/users/{id}/deactivate', { params: { path: { id: account.id! } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['accounts'] }),
  });
  const reset = useMutation({ mutationFn: () => unwrap(identity.POST('/users/{id}/password-reset', { params: { path: { id: account.id! } } })) });
  return (
    <tr className="utrecht-table__row">
      <th className="utrecht-table__header-cell" scope="row">{account.name}<br /><span className="utrecht-paragraph--small">{account.email}</span></th>
      <td className="utrecht-table__cell">{account.organisation ?? '—'}</td>
      <td className="utrecht-table__cell">{(account.roles ?? []).map((r) => ROLES[r] ?? r).join(', ')}</td>
      <td className="utrecht-table__cell">
        {!account.active ? <StatusBadge status="neutral">Gedeactiveerd</StatusBadge>
          : account.activated ? <StatusBadge status="safe">Actief</StatusBadge> : <StatusBadge status="warning">Uitgenodigd</StatusBadge>}
      </td>
      <td className="utrecht-table__cell">
        {account.active && !confirm && (
          <>
            <Button type="button" appearance="subtle-button" onClick={() => reset.mutate()} aria-label={`Wachtwoordlink voor ${account.name}`}>Wachtwoordlink</Button>{' '}
            <Button type="button" appearance="subtle-button" onClick={() => setConfirm(true)} aria-label={`${account.name} deactiveren`}>Deactiveren</Button>
          </>
        )}
        {confirm && account.active && (
          <span role="group" aria-label={`${account.name} deactiveren?`}>
            {`${account.name} kan dan niet meer inloggen. `}
            <Button type="button" appearance="primary-action-button" disabled={deactivate.isPending} onClick={() => deactivate.mutate()}>Ja, deactiveren</Button>{' '}
            <Button type="button" appearance="secondary-action-button" onClick={() => setConfirm(false)}>Nee</Button>
          </span>
        )}
        {reset.data?.activationUrl && <OnceOnly title="Link om een nieuw wachtwoord te kiezen:" value={reset.data.activationUrl} note="Hij werkt één keer." />}
        {(deactivate.isError || reset.isError) && <Alert type="error"><Paragraph>{refusal(deactivate.error ?? reset.error)}</Paragraph></Alert>}
      </td>
    </tr>
  );
}

function RegisterClient() {
  const queries = useQueryClient();
  const [form, setForm] = useState({ clientId: '', name: '', municipality: '', organisation: '' });
  const register = useMutation({
    mutationFn: () => unwrap(identity.POST('/clients', { body: { clientId: form.clientId, name: form.name, municipality: form.municipality || undefined, organisation: form.organisation || undefined } })),
    onSuccess: async () => {
      setForm({ clientId: '', name: '', municipality: '', organisation: '' });
      await queries.invalidateQueries({ queryKey: ['clients'] });
    },
  });
  const errors = fieldErrors(register.error);
  return (
    <form className="mz-form" aria-label="Systeem koppelen" noValidate onSubmit={(e) => { e.preventDefault(); register.mutate(); }}>
      <div className="mz-search">
        <Field label="Client-id" hint="Kleine letters en streepjes, bijvoorbeeld gemeente-dalfsen" error={errors.clientId}><Textbox value={form.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })} /></Field>
        <Field label="Naam van het systeem" error={errors.name}><Textbox value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
        <Field label="Gemeente (CBS-code)" hint="Voor een gemeentelijk systeem" error={errors.municipality}><Textbox value={form.municipality} maxLength={6} onChange={(e) => setForm({ ...form, municipality: e.target.value.toUpperCase() })} /></Field>
        <Field label="Organisatie" hint="Voor het systeem van een organisatie" error={errors.organisation}><Textbox value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} /></Field>
      </div>
      {register.isError && <Alert type="error"><Paragraph>{refusal(register.error)}</Paragraph></Alert>}
      {register.data && <OnceOnly title={`Het geheim van ${register.data.clientId}, alleen nu te zien:`} value={register.data.clientSecret ?? ''} note={register.data.note ?? 'Bewaar het in de kluis van het systeem.'} />}
      <Button type="submit" appearance="primary-action-button" disabled={register.isPending}>Systeem koppelen</Button>
    </form>
  );
}

function ClientRow({ client }: { client: Client }) {
  const queries = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => unwrap(identity.POST('/clients/{clientId}/secrets', { params: { path: { clientId: client.clientId! } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['clients'] }),
  });
  return (
    <tr className="utrecht-table__row">
      <th className="utrecht-table__header-cell" scope="row">{client.name}<br /><span className="utrecht-paragraph--small">{client.clientId}</span></th>
      <td className="utrecht-table__cell">{client.municipality ?? client.organisation ?? '—'}</td>
      <td className="utrecht-table__cell">{client.active ? `${client.validSecrets} geldig${client.validSecrets === 1 ? '' : 'e'} geheim${client.validSecrets === 1 ? '' : 'en'}` : 'Gedeactiveerd'}</td>
      <td className="utrecht-table__cell">
        {client.active && <Button type="button" appearance="subtle-button" disabled={rotate.isPending} onClick={() => rotate.mutate()} aria-label={`Nieuw geheim voor ${client.name}`}>Nieuw geheim</Button>}
        {rotate.data && <OnceOnly title="Het nieuwe geheim, alleen nu te zien:" value={rotate.data.clientSecret ?? ''} note={rotate.data.note ?? 'Het oude blijft geldig tot u het intrekt.'} />}
        {rotate.isError && <Alert type="error"><Paragraph>{refusal(rotate.error)}</Paragraph></Alert>}
      </td>
    </tr>
  );
}

/** Coordinators: staff accounts and the systems that use the API. */
export default function Beheer() {
  useTitle('Beheer');
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: () => unwrap(identity.GET('/users')) });
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => unwrap(identity.GET('/clients')) });
  return (
    <>
      <Heading1>Beheer</Heading1>
      <Heading2>Medewerkers</Heading2>
      {accounts.isError && <Alert type="error"><Paragraph>{refusal(accounts.error)}</Paragraph></Alert>}
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">Accounts</caption>
        <thead className="utrecht-table__header"><tr className="utrecht-table__row">
          {['Naam', 'Organisatie', 'Rollen', 'Status', 'Acties'].map((c) => <th className="utrecht-table__header-cell" scope="col" key={c}>{c}</th>)}
        </tr></thead>
        <tbody className="utrecht-table__body">{(accounts.data ?? []).map((a) => <AccountRow key={a.id} account={a} />)}</tbody>
      </table>
      <details className="mz-no-print"><summary>Medewerker uitnodigen</summary><InviteForm /></details>
      <Heading2>Gekoppelde systemen</Heading2>
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">Systemen met toegang tot de API</caption>
        <thead className="utrecht-table__header"><tr className="utrecht-table__row">
          {['Systeem', 'Van', 'Geheimen', 'Acties'].map((c) => <th className="utrecht-table__header-cell" scope="col" key={c}>{c}</th>)}
        </tr></thead>
        <tbody className="utrecht-table__body">{(clients.data ?? []).map((c) => <ClientRow key={c.clientId} client={c} />)}</tbody>
      </table>
      <details className="mz-no-print"><summary>Systeem koppelen</summary><RegisterClient /></details>
    </>
  );
}
