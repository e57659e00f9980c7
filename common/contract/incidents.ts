/**
 * Incident reports ("signalements"): anyone who sees images files one, under a category of the
 * current instructions.
 */
import { channel, event } from './spec';

export const MAX_DESCRIPTION_CHARS = 2000;

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface IncidentInput {
  category: string;
  cameras: number[];
  /** ISO time of the event (now by default, editable). */
  occurredAt: string;
  description: string;
  urgency: Urgency;
}

export interface IncidentView extends IncidentInput {
  id: number;
  /** ISO time it was filed. */
  reportedAt: string;
  reporter: { login: string; name: string; rank: string; service: string };
}

export interface IncidentFilter {
  category?: string;
  cameraId?: number;
  urgency?: Urgency;
  /** AAAA-MM-JJ, on the event's time. */
  from?: string;
  to?: string;
}

export const incidentsChannels = {
  'incidents:report': channel<IncidentInput, IncidentView>(),
  'incidents:list': channel<IncidentFilter, IncidentView[]>(),
};

export const incidentsEvents = {
  'incidents:added': event<IncidentView>(),
};
