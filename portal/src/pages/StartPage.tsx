import { Link as RouterLink } from 'react-router';
import { Heading1, Heading2, Paragraph } from '../components/nlds';
import { useMe } from '../api/session';
import { useTitle } from '../components/useTitle';

export function StartPage() {
  useTitle('Start');
  const me = useMe();
  return (
    <>
      <Heading1>Steun voor mantelzorgers van ouderen</Heading1>
      <Paragraph lead>
        Zorgt u voor een ouder familielid, een buur of een vriend? Op de sociale kaart vindt u steun in uw buurt:
        iemand om mee te praten, respijtzorg zodat u even vrij bent, hulp bij regelen en geld.
      </Paragraph>
      <ul className="mz-tasks">
        <li className="mz-task">
          <RouterLink className="utrecht-link" to="/sociale-kaart">Zoek steun in de buurt</RouterLink>
          <Paragraph>Zoek op plaats of postcode, en op wat u nodig hebt. Zonder inloggen.</Paragraph>
        </li>
        <li className="mz-task">
          <RouterLink className="utrecht-link" to="/sociale-kaart/respijtzorg/GM0171">Hoe kom ik aan respijtzorg?</RouterLink>
          <Paragraph>De stappen in uw gemeente, bijvoorbeeld in Noordoostpolder: wie doet wat, en hoe lang het duurt.</Paragraph>
        </li>
        <li className="mz-task">
          {me.data ? (
            <>
              <Heading2 className="mz-task__title">Welkom, {me.data.name}</Heading2>
              <Paragraph>U bent ingelogd. <RouterLink className="utrecht-link" to="/portaal">Naar het portaal</RouterLink></Paragraph>
            </>
          ) : (
            <>
              <a className="utrecht-link" href="/oauth2/authorization/portal">Inloggen voor medewerkers</a>
              <Paragraph>Voor medewerkers van organisaties en gemeenten in de lerende praktijken.</Paragraph>
            </>
          )}
        </li>
      </ul>
    </>
  );
}
