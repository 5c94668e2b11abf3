import { useQuery } from '@tanstack/react-query';
import { socialMap, unwrap } from '../api/client';
import { apiQuery, type SearchForm } from './search';

export function useSearch(form: SearchForm) {
  return useQuery({
    queryKey: ['search', form],
    queryFn: () => unwrap(socialMap.GET('/socialmap/search', { params: { query: apiQuery(form, new Date()) } })),
    placeholderData: (previous) => previous,
  });
}

export function useTerms() {
  return useQuery({
    queryKey: ['taxonomy-terms'],
    queryFn: () => unwrap(socialMap.GET('/socialmap/taxonomy-terms')),
    staleTime: 60 * 60_000,
  });
}

export function useOffer(id: string) {
  return useQuery({
    queryKey: ['offer', id],
    queryFn: () => unwrap(socialMap.GET('/socialmap/services/{id}', { params: { path: { id } } })),
  });
}

export function useRespiteRoute(municipality: string) {
  return useQuery({
    queryKey: ['respite-route', municipality],
    queryFn: () => unwrap(socialMap.GET('/socialmap/municipalities/{municipality}/respite-route', { params: { path: { municipality } } })),
  });
}
