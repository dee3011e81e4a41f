import type { MessageKey, MessageVars } from '../i18n/index.ts';
import type { DocumentVersion } from './history-api.ts';

/** How a version is named in the history and the read-only view ("v2 ”Syksy”", "checkpoint"). */
export function versionName(version: DocumentVersion, t: (key: MessageKey, vars?: MessageVars) => string): string {
  if (version.kind === 'snapshot') return t('history.snapshotName', { version: version.version ?? '?', label: version.label ?? '' });
  const reason = version.reason === 'left' || version.reason === 'before-restore' || version.reason === 'activity' ? version.reason : 'activity';
  return t(`history.checkpoint.${reason}`);
}
