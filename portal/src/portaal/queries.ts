import { useQuery } from '@tanstack/react-query';
import { experiments, notifications, practices, unwrap } from '../api/client';

export function usePractices(query: { kind?: 'LEARNING_PRACTICE' | 'PRACTICE_ACCELERATOR'; status?: 'PLANNED' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
  organisation?: string; region?: string; q?: string; page?: number }) {
  return useQuery({
    queryKey: ['practices', query],
    queryFn: () => unwrap(practices.GET('/practices', { params: { query: { ...query, pageSize: 50 } } })),
    placeholderData: (previous) => previous,
  });
}

export function usePractice(id: string) {
  return useQuery({ queryKey: ['practice', id], queryFn: () => unwrap(practices.GET('/practices/{id}', { params: { path: { id } } })), enabled: !!id });
}

export function usePracticeExperiments(practiceId: string) {
  return useQuery({
    queryKey: ['practice-experiments', practiceId],
    queryFn: () => unwrap(experiments.GET('/practices/{practiceId}/experiments', { params: { path: { practiceId }, query: { pageSize: 100 } } })),
  });
}

export function useExperiment(id: string) {
  return useQuery({ queryKey: ['experiment', id], queryFn: () => unwrap(experiments.GET('/experiments/{id}', { params: { path: { id } } })), enabled: !!id });
}

export function useRunChart(id: string, measureId: string) {
  return useQuery({
    queryKey: ['run-chart', id, measureId],
    queryFn: () => unwrap(experiments.GET('/experiments/{id}/measures/{measureId}/run-chart', { params: { path: { id, measureId } } })),
    enabled: !!id && !!measureId,
  });
}

export function useInbox(page = 1) {
  return useQuery({
    queryKey: ['inbox', page],
    queryFn: () => unwrap(notifications.GET('/notifications/inbox', { params: { query: { page, pageSize: 20 } } })),
  });
}
