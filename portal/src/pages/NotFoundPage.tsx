import { Link as RouterLink } from 'react-router';
import { Heading1, Paragraph } from '../components/nlds';
import { useTitle } from '../components/useTitle';

export function NotFoundPage() {
  useTitle('Pagina niet gevonden');
  return (
    <>
      <Heading1>Deze pagina bestaat niet</Heading1>
      <Paragraph>Misschien is het adres veranderd. <RouterLink className="utrecht-link" to="/">Naar de startpagina</RouterLink></Paragraph>
    </>
  );
}
