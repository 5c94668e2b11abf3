import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import './theme/index.css';
import { Layout } from './components/Layout';
import { StartPage } from './pages/StartPage';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SearchPage } from './socialmap/SearchPage';
import { OfferPage } from './socialmap/OfferPage';
import { RespiteRoutePage } from './socialmap/RespiteRoutePage';

// The staff portal is loaded only by those who open it: the public pages stay small.
const PortaalLayout = lazy(() => import('./portaal/PortaalLayout'));
const Overzicht = lazy(() => import('./portaal/Overzicht'));
const Praktijken = lazy(() => import('./portaal/Praktijken'));
const Praktijk = lazy(() => import('./portaal/Praktijk'));
const Experiment = lazy(() => import('./portaal/Experiment'));
const Inbox = lazy(() => import('./portaal/Inbox'));
const NieuwExperiment = lazy(() => import('./portaal/NieuwExperiment'));
const Instellingen = lazy(() => import('./portaal/Instellingen'));
const PraktijkFormulier = lazy(() => import('./portaal/PraktijkFormulier'));
const Beheer = lazy(() => import('./portaal/Beheer'));
const Programma = lazy(() => import('./portaal/Programma'));
const SocialeKaartBeheer = lazy(() => import('./portaal/SocialeKaartBeheer'));
const AanbodFormulier = lazy(() => import('./portaal/AanbodFormulier'));
const RouteBewerken = lazy(() => import('./portaal/RouteBewerken'));
const RouteKiezen = lazy(() => import('./portaal/RouteBewerken').then((m) => ({ default: m.RouteKiezen })));

const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<StartPage />} />
            <Route path="/sociale-kaart" element={<SearchPage />} />
            <Route path="/sociale-kaart/aanbod/:id" element={<OfferPage />} />
            <Route path="/sociale-kaart/respijtzorg/:gemeente" element={<RespiteRoutePage />} />
            <Route path="/toegankelijkheid" element={<AccessibilityPage />} />
            <Route path="/portaal" element={<Suspense fallback={null}><PortaalLayout /></Suspense>}>
              <Route index element={<Suspense fallback={null}><Overzicht /></Suspense>} />
              <Route path="praktijken" element={<Suspense fallback={null}><Praktijken /></Suspense>} />
              <Route path="praktijken/nieuw" element={<Suspense fallback={null}><PraktijkFormulier /></Suspense>} />
              <Route path="praktijken/:id" element={<Suspense fallback={null}><Praktijk /></Suspense>} />
              <Route path="praktijken/:id/bewerken" element={<Suspense fallback={null}><PraktijkFormulier /></Suspense>} />
              <Route path="praktijken/:id/nieuw-experiment" element={<Suspense fallback={null}><NieuwExperiment /></Suspense>} />
              <Route path="experimenten/:id" element={<Suspense fallback={null}><Experiment /></Suspense>} />
              <Route path="sociale-kaart" element={<Suspense fallback={null}><SocialeKaartBeheer /></Suspense>} />
              <Route path="sociale-kaart/nieuw" element={<Suspense fallback={null}><AanbodFormulier /></Suspense>} />
              <Route path="sociale-kaart/:id" element={<Suspense fallback={null}><AanbodFormulier /></Suspense>} />
              <Route path="respijtzorg" element={<Suspense fallback={null}><RouteKiezen /></Suspense>} />
              <Route path="respijtzorg/:gemeente" element={<Suspense fallback={null}><RouteBewerken /></Suspense>} />
              <Route path="programma" element={<Suspense fallback={null}><Programma /></Suspense>} />
              <Route path="beheer" element={<Suspense fallback={null}><Beheer /></Suspense>} />
              <Route path="inbox" element={<Suspense fallback={null}><Inbox /></Suspense>} />
              <Route path="meldingen" element={<Suspense fallback={null}><Instellingen /></Suspense>} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
