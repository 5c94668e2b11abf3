import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { experiments, unwrap, type ExperimentView, type RunChartView } from '../api/client';
import { Alert, Button, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { dutchDate } from '../socialmap/labels';
import { Field } from './Field';
import { fieldErrors, ifMatch, isConflict, refusal } from './forms';
import { LESSON_KIND } from './labels';

/** The experiment's details as the PUT wants them, with its lessons replaced. */
function detailsOf(e: ExperimentView, lessons: { kind: string; text: string }[]) {
  return {
    practiceId: e.practiceId!, title: e.title!, goal: e.goal, designQuestion: e.designQuestion, level: e.level!, outcomes: e.outcomes ?? [],
    phase: e.phase!, organisations: e.organisations ?? [], startDate: e.startDate, endDate: e.endDate,
    lessons: lessons.map((l) => ({ kind: l.kind as 'TIP', text: l.text })),
  };
}

/**
 * A lesson learned: what worked, what did not, a tip. Adding is the only change, so when someone
 * else saved first (412) the lesson is added to their newest version instead, and the page says so.
 */
export function LessonForm({ experiment }: { experiment: ExperimentView }) {
  const [kind, setKind] = useState('WHAT_WORKED');
  const [text, setText] = useState('');
  const [merged, setMerged] = useState(false);
  const queries = useQueryClient();
  const add = async (e: ExperimentView) => {
    const lesson = { kind, text: text.trim() };
    const lessons = [...(e.lessons ?? []).map((l) => ({ kind: l.kind!, text: l.text! })), lesson];
    return unwrap(experiments.PUT('/experiments/{id}', { params: { path: { id: e.id! }, header: { 'If-Match': ifMatch(e.version) } }, body: detailsOf(e, lessons) }));
  };
  const save = useMutation({
    mutationFn: async () => {
      try {
        return await add(experiment);
      } catch (error) {
        if (!isConflict(error)) throw error;
        setMerged(true);
        return add(await unwrap(experiments.GET('/experiments/{id}', { params: { path: { id: experiment.id! } } })));
      }
    },
    onSuccess: async () => {
      setText('');
      await queries.invalidateQueries({ queryKey: ['experiment', experiment.id] });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMerged(false);
    if (text.trim() !== '') save.mutate();
  };
  return (
    <form className="mz-no-print mz-form" aria-label="Les toevoegen" onSubmit={submit}>
      <div className="mz-search">
        <Field label="Soort les">
          <Select value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(LESSON_KIND).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </Field>
        <Field label="De les" error={errors['lessons']}>
          <Textbox value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && (
        <Alert type="ok"><Paragraph>{merged ? 'De les is toegevoegd. Iemand anders had het experiment net gewijzigd; uw les staat bij die nieuwste versie.' : 'De les is toegevoegd.'}</Paragraph></Alert>
      )}
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending || text.trim() === ''}>Les toevoegen</Button>
    </form>
  );
}

/**
 * Freeze the baseline (the first points fix the centre line) and split the chart where the process
 * changed on purpose, so each part gets its own median.
 */
export function AnalysisForm({ experimentId, measureId, chart }: { experimentId: string; measureId: string; chart: RunChartView }) {
  const points = chart.points ?? [];
  const [baseline, setBaseline] = useState(chart.baselinePoints ? String(chart.baselinePoints) : '');
  const [splits, setSplits] = useState<string[]>(chart.splitAt ?? []);
  const [split, setSplit] = useState('');
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(experiments.PUT('/experiments/{id}/measures/{measureId}/analysis-settings', {
      params: { path: { id: experimentId, measureId } },
      body: { baselinePoints: baseline === '' ? undefined : Number(baseline), splitAt: splits } })),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['run-chart', experimentId, measureId] }),
      queries.invalidateQueries({ queryKey: ['experiment', experimentId] })]),
  });
  const errors = fieldErrors(save.error);
  return (
    <form className="mz-no-print mz-form" aria-label="Basislijn en splitsing" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Field label="Basislijn vastzetten: de eerste … metingen bepalen de mediaan" error={errors.baselinePoints}
        hint="Leeg: de mediaan van alle metingen. Kies minstens 10 metingen voor een betrouwbare basislijn.">
        <Select value={baseline} onChange={(e) => setBaseline(e.target.value)}>
          <SelectOption value="">niet vastgezet</SelectOption>
          {points.map((p, i) => <SelectOption key={p.date} value={String(i + 1)}>{`${i + 1} (tot en met ${dutchDate(p.date)})`}</SelectOption>)}
        </Select>
      </Field>
      <div className="mz-search">
        <Field label="Splitsen vanaf datum" hint="Waar u het proces bewust veranderde" error={errors.splitAt}>
          <Textbox type="date" value={split} onChange={(e) => setSplit(e.target.value)} />
        </Field>
        <div className="mz-search__actions">
          <Button type="button" appearance="secondary-action-button" disabled={split === '' || splits.includes(split)}
            onClick={() => { setSplits([...splits, split].sort()); setSplit(''); }}>Splitsing toevoegen</Button>
        </div>
      </div>
      {splits.length > 0 && (
        <ul className="utrecht-unordered-list" aria-label="Splitsingen">
          {splits.map((d) => (
            <li className="utrecht-unordered-list__item" key={d}>{`Nieuw deel vanaf ${dutchDate(d)}`}{' '}
              <Button type="button" appearance="subtle-button" onClick={() => setSplits(splits.filter((s) => s !== d))}
                aria-label={`Splitsing van ${dutchDate(d)} verwijderen`}>Verwijderen</Button>
            </li>
          ))}
        </ul>
      )}
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && <Alert type="ok"><Paragraph>Opgeslagen: de grafiek is opnieuw berekend.</Paragraph></Alert>}
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Instellingen opslaan</Button>
    </form>
  );
}

/** A note at one point ("nieuwe folder verspreid"): shown in the chart's table and on the point. */
export function AnnotationForm({ experimentId, measureId, chart }: { experimentId: string; measureId: string; chart: RunChartView }) {
  const points = chart.points ?? [];
  const [date, setDate] = useState(points.at(-1)?.date ?? '');
  const [note, setNote] = useState('');
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const point = points.find((p) => p.date === date)!;
      return unwrap(experiments.POST('/experiments/{id}/measures/{measureId}/observations', {
        params: { path: { id: experimentId, measureId } }, body: { observations: [{ date, value: point.value!, note: note.trim() || undefined }] } }));
    },
    onSuccess: async () => {
      setNote('');
      await queries.invalidateQueries({ queryKey: ['run-chart', experimentId, measureId] });
    },
  });
  if (points.length === 0) return null;
  return (
    <form className="mz-no-print mz-form" aria-label="Aantekening bij een meting" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <div className="mz-search">
        <Field label="Bij de meting van">
          <Select value={date} onChange={(e) => setDate(e.target.value)}>
            {points.map((p) => <SelectOption key={p.date} value={p.date}>{`${dutchDate(p.date)}: ${p.value?.toLocaleString('nl-NL')}`}</SelectOption>)}
          </Select>
        </Field>
        <Field label="Aantekening" hint="Leeg maken haalt de aantekening weg">
          <Textbox value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      {save.isError && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {save.isSuccess && <Alert type="ok"><Paragraph>De aantekening is opgeslagen.</Paragraph></Alert>}
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending || date === ''}>Aantekening opslaan</Button>
    </form>
  );
}
