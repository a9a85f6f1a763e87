import type { AlertKind } from "@/db/schema/alerts";

/** What each event kind means, in the words the Alerts page uses. */
export const eventKindLabels: Record<AlertKind, string> = {
  "session.invalid": "Session invalid (Telegram refused its key)",
  "session.revoked_elsewhere": "Session ended from another device",
  "session.degraded": "Session degraded (no clear answer)",
  "session.recovered": "Session recovered",
  "session.frozen": "Account frozen by Telegram",
  "session.banned": "Account banned",
  "session.deactivated": "Account deleted",
  "device.foreign": "Foreign device on a managed account",
  "session.expiring": "Session expiring soon",
  "session.flood_wait": "Long flood wait",
  "rotation.failed": "Rotation failed",
  "session.undecryptable": "Stored key does not decrypt",
  "key.shared": "Imported key still shared",
  "monitor.stale": "Health monitor stopped",
  "alert.test": "Test event",
};

/** What a new channel subscribes to unless the admin chooses otherwise: what needs a person. */
export const defaultEventKinds: AlertKind[] = [
  "session.invalid",
  "session.revoked_elsewhere",
  "device.foreign",
  "session.frozen",
  "session.banned",
  "rotation.failed",
  "session.undecryptable",
  "monitor.stale",
];
