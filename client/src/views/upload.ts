/**
 * The upload dialog (coordinators): drop files or a folder, or choose them with the buttons (keyboard
 * accessible inputs); the server's preview shows the format, the counts, every problem found (file,
 * line, column, reason) and what would change against the current data; Commit imports and reloads
 * the map. Views never fetch: this one reads the upload store and calls its actions.
 */
import { h, render } from '../components/dom';
import { localeStore, t } from '../core/i18n';
import {
  canCommit,
  chooseFiles,
  commitUpload,
  MAX_UPLOAD_FILES,
  resetUpload,
  retryPreview,
  setReplace,
  uploadStore,
  type UploadState,
} from '../core/upload';
import { UPLOAD_RECORD_KINDS, type UploadIssue, type UploadPreview } from '../api/types';
import { bind } from './bind';
import { errorBlock, loadingBlock } from './status';

interface Chosen {
  name: string;
  blob: Blob;
}

/** Every file under a dropped folder, named with its path (`bundle/ties.csv`). */
async function entryFiles(entry: FileSystemEntry): Promise<Chosen[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ name: entry.fullPath.replace(/^\//, '') || file.name, blob: file }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(entryFiles))).flat();
}

async function droppedFiles(transfer: DataTransfer): Promise<Chosen[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((entry) => entry !== null)) {
    return (await Promise.all(entries.map((entry) => entryFiles(entry!)))).flat();
  }
  return [...transfer.files].map((file) => ({ name: file.name, blob: file }));
}

function inputFiles(input: HTMLInputElement): Chosen[] {
  return [...(input.files ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, blob: file }));
}

/** Hidden dotfiles (.DS_Store) and the like are never data: leave them out of a dropped folder. */
function useful(files: Chosen[]): Chosen[] {
  return files.filter((file) => !file.name.split('/').some((part) => part.startsWith('.')));
}

function issueList(issues: readonly UploadIssue[]): HTMLElement {
  return h(
    'ol',
    { class: 'upload-errors', 'data-testid': 'upload-errors' },
    issues.map((issue) => {
      const where = [
        issue.line !== null && issue.line !== undefined
          ? t('upload.errors.line', { line: issue.line })
          : null,
        issue.column ? t('upload.errors.column', { column: issue.column }) : null,
      ].filter((part): part is string => part !== null);
      return h(
        'li',
        { 'data-testid': 'upload-error' },
        issue.file ? h('strong', { class: 'upload-error-file' }, issue.file) : null,
        where.length > 0 ? h('span', { class: 'upload-error-where' }, `(${where.join(', ')})`) : null,
        issue.file || where.length > 0 ? ': ' : null,
        h('span', { class: 'upload-error-reason' }, issue.reason),
      );
    }),
  );
}

function formatName(format: string | null): string {
  return format === null ? t('upload.format.unknown') : t(`upload.format.${format}`);
}

function previewBlock(preview: UploadPreview): HTMLElement {
  const format = h(
    'p',
    { class: 'upload-format', 'data-testid': 'upload-format' },
    t('upload.detected', { format: formatName(preview.format) }),
  );
  if (!preview.ok) {
    return h(
      'section',
      { class: 'upload-preview', 'aria-labelledby': 'upload-errors-title' },
      format,
      h(
        'h3',
        { id: 'upload-errors-title', class: 'upload-errors-title', role: 'alert' },
        t('upload.errors.title', { count: preview.errors.length }),
      ),
      preview.errors.length === 0 && preview.message ? h('p', null, preview.message) : null,
      issueList(preview.errors),
    );
  }
  const { changes, counts } = preview;
  const nothing = UPLOAD_RECORD_KINDS.every(
    (kind) => changes[kind].added + changes[kind].changed + changes[kind].removed === 0,
  );
  return h(
    'section',
    { class: 'upload-preview' },
    format,
    h('p', { class: 'upload-ok', role: 'status' }, t('upload.valid')),
    h(
      'table',
      { class: 'upload-changes', 'data-testid': 'upload-changes' },
      h('caption', null, t('upload.changes.caption')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('upload.changes.kind')),
          h('th', { scope: 'col' }, t('upload.changes.inFiles')),
          h('th', { scope: 'col' }, t('upload.changes.added')),
          h('th', { scope: 'col' }, t('upload.changes.changed')),
          h('th', { scope: 'col' }, t('upload.changes.removed')),
          h('th', { scope: 'col' }, t('upload.changes.unchanged')),
        ),
      ),
      h(
        'tbody',
        null,
        UPLOAD_RECORD_KINDS.map((kind) =>
          h(
            'tr',
            { 'data-kind': kind },
            h('th', { scope: 'row' }, t(`upload.kinds.${kind}`)),
            h('td', null, t('upload.number', { value: counts[kind] })),
            (['added', 'changed', 'removed', 'unchanged'] as const).map((what) =>
              h(
                'td',
                { 'data-testid': `upload-${kind}-${what}`, 'data-value': String(changes[kind][what]) },
                t('upload.number', { value: changes[kind][what] }),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'upload-summary', 'data-testid': 'upload-summary' },
      nothing ? t('upload.changes.none') : changes.info ? t('upload.changes.info') : null,
    ),
  );
}

export interface UploadDialog {
  element: HTMLDialogElement;
  open(): void;
}

export function mountUpload(opener: () => HTMLElement | null): UploadDialog {
  const title = h('h2', { id: 'upload-title', class: 'upload-title' });
  const intro = h('p', { class: 'upload-intro' });
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'upload-close' });
  const filesInput = h('input', {
    type: 'file',
    multiple: true,
    class: 'visually-hidden',
    tabindex: '-1',
    accept: '.csv,.json,.gexf,.graphml,.xml,.txt,.tsv',
    'data-testid': 'upload-files-input',
  });
  const folderInput = h('input', {
    type: 'file',
    multiple: true,
    webkitdirectory: true,
    class: 'visually-hidden',
    tabindex: '-1',
    'data-testid': 'upload-folder-input',
  });
  const chooseFilesButton = h('button', {
    type: 'button',
    class: 'button',
    'data-testid': 'upload-choose-files',
    on: { click: () => filesInput.click() },
  });
  const chooseFolderButton = h('button', {
    type: 'button',
    class: 'button',
    'data-testid': 'upload-choose-folder',
    on: { click: () => folderInput.click() },
  });
  const dropText = h('p', { class: 'upload-drop-text' });
  const dropZone = h(
    'div',
    { class: 'upload-drop', 'data-testid': 'upload-drop' },
    dropText,
    h('div', { class: 'upload-pick' }, chooseFilesButton, chooseFolderButton),
    filesInput,
    folderInput,
  );
  const replace = h('input', { type: 'checkbox', id: 'upload-replace', 'data-testid': 'upload-replace' });
  const replaceLabel = h('label', { for: 'upload-replace' });
  const replaceHint = h('p', { class: 'upload-hint', id: 'upload-replace-hint' });
  replace.setAttribute('aria-describedby', 'upload-replace-hint');
  const body = h('div', { class: 'upload-body', 'aria-live': 'polite' });
  const commit = h('button', { type: 'button', class: 'button primary', 'data-testid': 'upload-commit' });
  const again = h('button', { type: 'button', class: 'button', 'data-testid': 'upload-reset' });
  const footer = h('div', { class: 'upload-actions' }, again, commit);
  const element = h(
    'dialog',
    { class: 'upload-dialog', 'aria-labelledby': 'upload-title', 'data-testid': 'upload-dialog' },
    h('div', { class: 'upload-head' }, title, close),
    intro,
    dropZone,
    h('div', { class: 'upload-replace' }, replace, replaceLabel, replaceHint),
    body,
    footer,
  );

  const pick = (files: Chosen[]): void => {
    const kept = useful(files);
    if (kept.length > 0) void chooseFiles(kept.slice(0, MAX_UPLOAD_FILES * 5));
  };
  filesInput.addEventListener('change', () => {
    pick(inputFiles(filesInput));
    filesInput.value = '';
  });
  folderInput.addEventListener('change', () => {
    pick(inputFiles(folderInput));
    folderInput.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(pick);
  });
  replace.addEventListener('change', () => void setReplace(replace.checked));
  commit.addEventListener('click', () => void commitUpload());
  again.addEventListener('click', () => {
    resetUpload();
    chooseFilesButton.focus();
  });
  close.addEventListener('click', () => element.close());
  element.addEventListener('close', () => {
    if (uploadStore.get().current.step === 'committed') resetUpload();
    opener()?.focus();
  });

  const drawBody = (state: UploadState): void => {
    const { current } = state;
    const fileList =
      state.files.length > 0
        ? h(
            'details',
            { class: 'upload-files', 'data-testid': 'upload-files' },
            h('summary', null, t('upload.files', { count: state.files.length })),
            h(
              'ul',
              null,
              state.files.map((file) =>
                h(
                  'li',
                  null,
                  file.name,
                  ' ',
                  h(
                    'span',
                    { class: 'muted' },
                    t('upload.size', { kb: Math.max(1, Math.round(file.size / 1024)) }),
                  ),
                ),
              ),
            ),
          )
        : null;
    switch (current.step) {
      case 'empty':
        render(body);
        return;
      case 'reading':
        render(body, loadingBlock(t('upload.reading')));
        return;
      case 'read-failed':
        render(
          body,
          h(
            'div',
            { class: 'status status-error', role: 'alert' },
            h('p', null, t('upload.readFailed')),
            h('p', { class: 'status-detail' }, current.message),
          ),
        );
        return;
      case 'previewing':
        render(body, fileList, loadingBlock(t('upload.previewing')));
        return;
      case 'preview-failed':
        render(
          body,
          fileList,
          errorBlock(current.error, () => void retryPreview(), true),
        );
        return;
      case 'preview':
        render(body, fileList, previewBlock(current.preview));
        return;
      case 'committing':
        render(
          body,
          fileList,
          previewBlock(current.preview),
          h(
            'div',
            { class: 'upload-progress', 'data-testid': 'upload-progress' },
            h('p', { id: 'upload-progress-label' }, t('upload.committing')),
            current.progress === null || current.progress >= 1
              ? h('progress', { 'aria-labelledby': 'upload-progress-label' })
              : h('progress', {
                  'aria-labelledby': 'upload-progress-label',
                  max: '1',
                  value: String(current.progress),
                }),
          ),
        );
        return;
      case 'commit-failed':
        render(
          body,
          fileList,
          previewBlock(current.preview),
          h(
            'div',
            { class: 'upload-commit-failed', 'data-testid': 'upload-commit-error' },
            h('p', { class: 'status-title' }, t('upload.commitFailed')),
            errorBlock(current.error, () => void commitUpload(), true),
            current.issues.length > 0 ? issueList(current.issues) : null,
          ),
        );
        return;
      case 'committed': {
        const { result } = current;
        render(
          body,
          h(
            'div',
            { class: 'status upload-success', role: 'status', 'data-testid': 'upload-success' },
            h('h3', { class: 'status-title' }, t('upload.success.title')),
            result.importId === null || result.importId === undefined
              ? h('p', { 'data-testid': 'upload-noop' }, t('upload.success.noop'))
              : h('p', null, t('upload.success.importId', { id: String(result.importId) })),
            h('p', null, t('upload.success.version', { version: result.datasetVersion })),
            h(
              'ul',
              { class: 'upload-counts' },
              UPLOAD_RECORD_KINDS.filter((kind) => result.counts[kind] > 0).map((kind) =>
                h(
                  'li',
                  null,
                  t('upload.success.count', { kind: t(`upload.kinds.${kind}`), count: result.counts[kind] }),
                ),
              ),
            ),
          ),
        );
        return;
      }
    }
  };

  const draw = (): void => {
    const state = uploadStore.get();
    title.textContent = t('upload.title');
    intro.textContent = t('upload.intro');
    close.textContent = t('upload.close');
    dropText.textContent = t('upload.drop');
    chooseFilesButton.textContent = t('upload.chooseFiles');
    chooseFolderButton.textContent = t('upload.chooseFolder');
    filesInput.setAttribute('aria-label', t('upload.chooseFiles'));
    folderInput.setAttribute('aria-label', t('upload.chooseFolder'));
    replaceLabel.textContent = t('upload.replace');
    replaceHint.textContent = t('upload.replaceHint');
    replace.checked = state.replace;
    const step = state.current.step;
    const busy = step === 'reading' || step === 'previewing' || step === 'committing';
    element.setAttribute('aria-busy', String(busy));
    body.setAttribute('aria-busy', String(busy));
    replace.disabled = busy || step === 'committed';
    chooseFilesButton.disabled = step === 'committing';
    chooseFolderButton.disabled = step === 'committing';
    commit.textContent = step === 'commit-failed' ? t('upload.commitRetry') : t('upload.commit');
    commit.disabled = !canCommit(state);
    commit.hidden = step === 'committed';
    again.textContent = t('upload.again');
    again.hidden = step === 'empty';
    drawBody(state);
  };

  bind(element, [uploadStore, localeStore], draw);
  return {
    element,
    open() {
      if (!element.open) element.showModal();
    },
  };
}
