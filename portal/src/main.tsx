import { StrictMode } from 'react';
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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
