/**
 * The annual follow-up report (article 6 of the convention): for a period, the figures computed
 * from the registry and the cameras' status history, the charts main renders as SVG, and the PDF
 * and CSV files for the committee.
 */
import { channel, event } from './spec';

/** A period of whole days, AAAA-MM-JJ, both included (the post's local time). */
export interface ReportPeriodInput {
  from: string;
  to: string;
}

export interface ReportFigures {
  post: string;
  from: string;
  to: string;
  /** ISO time the figures were computed. */
  generatedAt: string;
  /** Availability = playing time / observed time; a camera no one asked for is not observed. */
  availability: {
    cameraId: number;
    name: string;
    observedHours: number;
    playingHours: number;
    /** 0…1, null when not observed in the period (under 0.01 h, which shows as 0 h). */
    availability: number | null;
  }[];
  viewing: {
    totalHours: number;
    byCamera: { cameraId: number; name: string; sessions: number; hours: number }[];
    bySurface: { surface: string; sessions: number; hours: number }[];
  };
  ptz: {
    /** Takeovers granted in the period, and their total duration (grant → release, expiry or pre-emption). */
    grants: number;
    hours: number;
    notifications: number;
    notificationsFailed: number;
    refusals: number;
    overrides: number;
  };
  incidents: { total: number; urgent: number; byCategory: { category: string; count: number }[] };
  operations: {
    total: number;
    extensions: number;
    closedEarly: number;
    byKind: { kind: string; count: number }[];
    items: {
      /** The operations service's id (its store's integer key). */
      operationId: number;
      name: string;
      kind: string;
      startedAt: string;
      closedAt: string | null;
      cameras: number;
      viewingHours: number;
    }[];
  };
  requisitions: { total: number; copiesRequested: number };
}

export const REPORT_CHARTS = ['availability', 'viewing-camera', 'viewing-surface', 'incidents'] as const;
export type ReportChartName = (typeof REPORT_CHARTS)[number];

export interface ReportView {
  figures: ReportFigures;
  /** SVG text rendered by main; the console shows each as an <img> from a Blob URL, never as markup. */
  charts: { name: ReportChartName; svg: string }[];
}

export const reportChannels = {
  'report:run': channel<ReportPeriodInput, ReportView>(),
  'report:export': channel<ReportPeriodInput & { format: 'pdf' | 'csv' }, { file: string }>(),
};

export const reportEvents = {
  /** Only to the window that asked: how far the computation is, 0…1. */
  'report:progress': event<{ fraction: number }>(),
};
