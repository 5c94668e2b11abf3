import { Alert, Button, Paragraph } from '../components/nlds';

/**
 * Someone else saved first (412): say so kindly, show both versions side by side where they differ,
 * and let the person choose. Nothing is lost either way: "mine" is saved on top of the newest
 * version, "theirs" puts the newest version in the form.
 */
export function ConflictChoice({ mine, theirs, onKeepMine, onTakeTheirs, busy }: {
  mine: Record<string, string>;
  theirs: Record<string, string> | undefined;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy?: boolean;
}) {
  const fields = Object.keys({ ...mine, ...theirs }).filter((k) => (mine[k] ?? '') !== (theirs?.[k] ?? ''));
  return (
    <Alert type="warning">
      <Paragraph><strong>Iemand anders heeft dit intussen opgeslagen.</strong> Uw wijziging is nog niet bewaard. Kies welke versie blijft.</Paragraph>
      {theirs === undefined ? <Paragraph>De nieuwste versie wordt geladen…</Paragraph> : fields.length === 0 ? (
        <Paragraph>De andere wijziging is gelijk aan die van u.</Paragraph>
      ) : (
        <table className="utrecht-table mz-conflict">
          <caption className="utrecht-table__caption">Wat verschilt</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">Veld</th>
              <th className="utrecht-table__header-cell" scope="col">Uw versie</th>
              <th className="utrecht-table__header-cell" scope="col">Opgeslagen versie</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {fields.map((f) => (
              <tr className="utrecht-table__row" key={f}>
                <th className="utrecht-table__header-cell" scope="row">{f}</th>
                <td className="utrecht-table__cell">{mine[f] || '(leeg)'}</td>
                <td className="utrecht-table__cell">{theirs[f] || '(leeg)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mz-search__actions">
        <Button type="button" appearance="primary-action-button" disabled={busy || theirs === undefined} onClick={onKeepMine}>Mijn versie opslaan</Button>
        <Button type="button" appearance="secondary-action-button" disabled={busy || theirs === undefined} onClick={onTakeTheirs}>Opgeslagen versie gebruiken</Button>
      </div>
    </Alert>
  );
}
