import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { experiments, unwrap, type ImprovementCycle } from '../api/client';
import { Alert, Button, FormField, FormLabel, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { refusal } from './forms';
import { parseObservations } from './paste';
import { EXPERIMENT_STATUS as STATUS_NAMES } from './labels';

/** Observations for one measure: one, or a column pasted from a spreadsheet. */
export function ObservationsForm({ experimentId, measureId }: { experimentId: string; measureId: string }) {
  const ids = { text: useId(), first: useId(), every: useId() };
  const [text, setText] = useState('');
  const [first, setFirst] = useState('');
  const [every, setEvery] = useState(7);
  const queries = useQueryClient();
  const pasted = parseObservations(text, first, every);
  const save = useMutation({
    mutationFn: () => unwrap(experiments.POST('/experiments/{id}/measures/{measureId}/observations', {
      params: { path: { id: experimentId, measureId } }, body: { observations: pasted.observations } })),
    onSuccess: async () => {
      setText('');
      await Promise.all([queries.invalidateQueries({ queryKey: ['run-chart', experimentId, measureId] }),
        queries.invalidateQueries({ queryKey: ['experiment', experimentId] })]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pasted.observations.length > 0 && pasted.problems.length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} className="mz-no-print mz-form" aria-label="Metingen invoeren">
      <FormField>
        <FormLabel htmlFor={ids.text}>Metingen: één per regel (plak een kolom uit een spreadsheet: datum en waarde, of alleen waarden)</FormLabel>
        <textarea id={ids.text} className="utrecht-textarea utrecht-textarea--html-textarea mz-textarea" rows={5} value={text}
          aria-describedby={`${ids.text}-uitleg`} onChange={(e) => setText(e.target.value)} />
        <p className="utrecht-form-field-description" id={`${ids.text}-uitleg`}>
          {text.trim() === '' ? 'Bijvoorbeeld "2026-01-05 ⇥ 12" of "12,5".' : `${pasted.observations.length} metingen gelezen.`}
        </p>
      </FormField>
      <div className="mz-search">
        <FormField>
          <FormLabel htmlFor={ids.first}>Datum van de eerste (bij alleen waarden)</FormLabel>
          <Textbox id={ids.first} type="date" value={first} onChange={(e) => setFirst(e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.every}>Daarna elke</FormLabel>
          <Select id={ids.every} value={String(every)} onChange={(e) => setEvery(Number(e.target.value))}>
            <SelectOption value="1">dag</SelectOption>
            <SelectOption value="7">week</SelectOption>
            <SelectOption value="14">twee weken</SelectOption>
            <SelectOption value="28">vier weken</SelectOption>
          </Select>
        </FormField>
      </div>
      {pasted.problems.length > 0 && (
        <Alert type="warning"><ul className="utrecht-unordered-list">{pasted.problems.map((p) => <li className="utrecht-unordered-list__item" key={p}>{p}</li>)}</ul></Alert>
      )}
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && <Alert type="ok"><Paragraph>Opgeslagen: de grafiek is bijgewerkt.</Paragraph></Alert>}
      <div className="mz-search__actions">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending || pasted.observations.length === 0 || pasted.problems.length > 0}>
          {pasted.observations.length > 1 ? `${pasted.observations.length} metingen opslaan` : 'Meting opslaan'}
        </Button>
      </div>
    </form>
  );
}

/** A new PDSA cycle: the plan and what we predict, before we start. */
export function CycleForm({ experimentId }: { experimentId: string }) {
  const ids = { plan: useId(), prediction: useId(), started: useId() };
  const [form, setForm] = useState({ plan: '', prediction: '', startedOn: '' });
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(experiments.POST('/experiments/{id}/cycles', {
      params: { path: { id: experimentId } },
      body: { plan: form.plan, prediction: form.prediction || undefined, startedOn: form.startedOn || undefined } })),
    onSuccess: async () => {
      setForm({ plan: '', prediction: '', startedOn: '' });
      await queries.invalidateQueries({ queryKey: ['experiment', experimentId] });
    },
  });
  return (
    <form className="mz-no-print mz-form" aria-label="Nieuwe verbetercyclus" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <FormField>
        <FormLabel htmlFor={ids.plan}>Plan: wat gaan we proberen?</FormLabel>
        <Textbox id={ids.plan} value={form.plan} required maxLength={2000} onChange={(e) => setForm({ ...form, plan: e.target.value })} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={ids.prediction}>Voorspelling: wat verwachten we dat er gebeurt?</FormLabel>
        <Textbox id={ids.prediction} value={form.prediction} maxLength={2000} onChange={(e) => setForm({ ...form, prediction: e.target.value })} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={ids.started}>Start</FormLabel>
        <Textbox id={ids.started} type="date" value={form.startedOn} onChange={(e) => setForm({ ...form, startedOn: e.target.value })} />
      </FormField>
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && <Alert type="ok"><Paragraph>De cyclus is gestart.</Paragraph></Alert>}
      <div className="mz-search__actions">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Cyclus starten</Button>
      </div>
    </form>
  );
}

/** A new measure: what is counted, in which unit, and which direction is better. */
export function MeasureForm({ experimentId }: { experimentId: string }) {
  const ids = { name: useId(), unit: useId(), better: useId(), target: useId() };
  const [form, setForm] = useState({ name: '', unit: '', betterWhen: 'HIGHER' as 'HIGHER' | 'LOWER', target: '' });
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(experiments.POST('/experiments/{id}/measures', {
      params: { path: { id: experimentId } },
      body: { name: form.name, unit: form.unit, betterWhen: form.betterWhen, target: form.target ? Number(form.target.replace(',', '.')) : undefined } })),
    onSuccess: async () => {
      setForm({ name: '', unit: '', betterWhen: 'HIGHER', target: '' });
      await queries.invalidateQueries({ queryKey: ['experiment', experimentId] });
    },
  });
  return (
    <form className="mz-no-print mz-form" aria-label="Nieuwe meting" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <div className="mz-search">
        <FormField>
          <FormLabel htmlFor={ids.name}>Wat meten we?</FormLabel>
          <Textbox id={ids.name} value={form.name} required maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.unit}>Eenheid</FormLabel>
          <Textbox id={ids.unit} value={form.unit} required maxLength={50} placeholder="bijvoorbeeld per week" onChange={(e) => setForm({ ...form, unit: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.better}>Beter is</FormLabel>
          <Select id={ids.better} value={form.betterWhen} onChange={(e) => setForm({ ...form, betterWhen: e.target.value as 'HIGHER' | 'LOWER' })}>
            <SelectOption value="HIGHER">hoger</SelectOption>
            <SelectOption value="LOWER">lager</SelectOption>
          </Select>
        </FormField>
      </div>
      <FormField>
        <FormLabel htmlFor={ids.target}>Doel (mag leeg)</FormLabel>
        <Textbox id={ids.target} value={form.target} inputMode="decimal" maxLength={20} onChange={(e) => setForm({ ...form, target: e.target.value })} />
      </FormField>
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      <div className="mz-search__actions">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Meting toevoegen</Button>
      </div>
    </form>
  );
}

/**
 * Moving an experiment on: only the statuses the service says are allowed next; stopping asks why.
 * The version read is sent as If-Match, so a change made meanwhile by someone else is reported.
 */
export function TransitionForm({ experimentId, version, allowed }: { experimentId: string; version: number; allowed: string[] }) {
  const ids = { reason: useId() };
  const [reason, setReason] = useState('');
  const queries = useQueryClient();
  const move = useMutation({
    mutationFn: (status: string) => unwrap(experiments.POST('/experiments/{id}/transitions', {
      params: { path: { id: experimentId }, header: { 'If-Match': `"${version}"` } },
      body: { status: status as 'IDEA', reason: status === 'STOPPED' ? reason : undefined } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['experiment', experimentId] }),
  });
  if (allowed.length === 0) return <Paragraph>Dit experiment is klaar: de status kan niet meer veranderen.</Paragraph>;
  return (
    <div className="mz-no-print mz-form">
      <div className="mz-search__actions">
        {allowed.filter((s) => s !== 'STOPPED').map((status) => (
          <Button key={status} appearance="secondary-action-button" disabled={move.isPending} onClick={() => move.mutate(status)}>
            {`Naar: ${STATUS_NAMES[status] ?? status}`}
          </Button>
        ))}
      </div>
      {allowed.includes('STOPPED') && (
        <form onSubmit={(e) => { e.preventDefault(); move.mutate('STOPPED'); }}>
          <FormField>
            <FormLabel htmlFor={ids.reason}>Stoppen: waarom?</FormLabel>
            <Textbox id={ids.reason} value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <Button type="submit" appearance="secondary-action-button" disabled={move.isPending || reason.trim() === ''}>Experiment stoppen</Button>
        </form>
      )}
      {move.isError && <Alert type="error"><Paragraph>{refusal(move.error)}</Paragraph></Alert>}
      {move.isSuccess && <Alert type="ok"><Paragraph>{`De status is nu: ${STATUS_NAMES[move.variables ?? ''] ?? move.variables}.`}</Paragraph></Alert>}
    </div>
  );
}

/** What happened, what was learned against the prediction, and the decision: adopt, adapt or abandon. */
export function CycleOutcomeForm({ experimentId, version, cycle }: { experimentId: string; version: number; cycle: ImprovementCycle }) {
  const ids = { happened: useId(), learned: useId(), decision: useId(), decided: useId() };
  const [form, setForm] = useState({ whatHappened: cycle.whatHappened ?? '', learned: cycle.learned ?? '', decision: cycle.decision ?? '', decidedOn: cycle.decidedOn ?? '' });
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(experiments.PUT('/experiments/{id}/cycles/{number}', {
      params: { path: { id: experimentId, number: cycle.number! }, header: { 'If-Match': `"${version}"` } },
      body: { plan: cycle.plan!, prediction: cycle.prediction, startedOn: cycle.startedOn, whatHappened: form.whatHappened || undefined,
        learned: form.learned || undefined, decision: (form.decision || undefined) as 'ADOPT' | undefined, decidedOn: form.decidedOn || undefined } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['experiment', experimentId] }),
  });
  return (
    <form className="mz-no-print mz-form" aria-label={`Uitkomst van cyclus ${cycle.number}`} onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <FormField>
        <FormLabel htmlFor={ids.happened}>Wat gebeurde er?</FormLabel>
        <Textbox id={ids.happened} value={form.whatHappened} maxLength={2000} onChange={(e) => setForm({ ...form, whatHappened: e.target.value })} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={ids.learned}>Wat leerden we, vergeleken met de voorspelling?</FormLabel>
        <Textbox id={ids.learned} value={form.learned} maxLength={2000} onChange={(e) => setForm({ ...form, learned: e.target.value })} />
      </FormField>
      <div className="mz-search">
        <FormField>
          <FormLabel htmlFor={ids.decision}>Besluit</FormLabel>
          <Select id={ids.decision} value={form.decision} onChange={(e) => setForm({ ...form, decision: e.target.value })}>
            <SelectOption value="">nog niet besloten</SelectOption>
            <SelectOption value="ADOPT">overnemen (zo doorgaan)</SelectOption>
            <SelectOption value="ADAPT">aanpassen en opnieuw proberen</SelectOption>
            <SelectOption value="ABANDON">stoppen met dit idee</SelectOption>
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.decided}>Besloten op</FormLabel>
          <Textbox id={ids.decided} type="date" value={form.decidedOn} onChange={(e) => setForm({ ...form, decidedOn: e.target.value })} />
        </FormField>
      </div>
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && <Alert type="ok"><Paragraph>De uitkomst is opgeslagen.</Paragraph></Alert>}
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Uitkomst opslaan</Button>
    </form>
  );
}
