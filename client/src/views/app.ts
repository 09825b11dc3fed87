/**
 * The page: top bar (tabs, search, export, language), the synthetic-data banner, the sidebar (waves,
 * display, filters), the map with its legend and timeline, the dashboard and table views over it, and
 * the details panel. Loading, error and empty states replace the workspace, never a blank page.
 */
import { h, render } from '../components/dom';
import { dataStore, loadNetwork, retryAll } from '../core/data';
import { CATALOGUES, formatMessage, localeStore, t } from '../core/i18n';
import { languageButtons } from '../components/language-buttons';
import { layoutStore } from '../core/layout';
import { resetCamera } from '../core/camera';
import { setView, TABS, viewStore } from '../core/view';
import { bind } from './bind';
import { mountControls } from './controls';
import { mountDashboard } from './dashboard';
import { mountDetails } from './details';
import { downloadPng } from './export-png';
import { mountFilters } from './filters';
import { mountLegend } from './legend';
import { mountMapView, type MapView } from './map-view';
import { mountSearch } from './search';
import { emptyBlock, errorBlock, loadingBlock } from './status';
import { mountTable } from './table-view';
import { mountTimeline } from './timeline';
import { mountUpload } from './upload';
import { hasRole } from '../api/session';
import { loadSession, sessionStore } from '../core/session';
import { mountAdmin } from './admin';
import { localBanner, mountAccount, signInForm } from './session';

interface Mounted {
  element: HTMLElement;
  kill(): void;
}

function otherLocale(): 'tr' | 'en' {
  return localeStore.get() === 'tr' ? 'en' : 'tr';
}

export function mountApp(root: HTMLElement): void {
  const search = mountSearch();
  const tabs = h('nav', { class: 'tabs', 'aria-label': '' });
  const languages = h('div', { class: 'languages', role: 'group' });
  const exportButton = h('button', { type: 'button', class: 'button', 'data-testid': 'export-png' });
  const uploadButton = h('button', {
    type: 'button',
    class: 'button',
    'aria-haspopup': 'dialog',
    'data-testid': 'upload-open',
  });
  const upload = mountUpload(() => uploadButton);
  const admin = mountAdmin(() => root.querySelector<HTMLElement>('[data-testid="admin-open"]'));
  const account = mountAccount(() => admin.open());
  uploadButton.addEventListener('click', () => upload.open());
  const sidebarToggle = h('button', {
    type: 'button',
    class: 'button sidebar-toggle',
    'aria-controls': 'sidebar',
    'aria-expanded': 'false',
    'data-testid': 'sidebar-toggle',
  });
  const datasetName = h('span', { class: 'dataset-name' });
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'logo', 'aria-hidden': 'true' }, '⌒'),
      h('h1', null, 'Köprü'),
      datasetName,
    ),
    sidebarToggle,
    tabs,
    search.element,
    h('div', { class: 'topbar-actions' }, uploadButton, exportButton, languages, account.element),
  );
  const banner = h('div', { class: 'banner', role: 'note', 'data-testid': 'synthetic-banner', hidden: true });
  const localSlot = h('div', { class: 'local-slot' });
  const skip = h('a', { class: 'skip-link', href: '#main' });
  const workspace = h('div', { class: 'workspace' });
  render(root, skip, topbar, banner, localSlot, workspace, upload.element, admin.element);
  // Made once: re-creating it on every redraw would drop what is being typed.
  let signIn: HTMLElement | null = null;

  let mounted: Mounted[] = [];
  let map: MapView | null = null;
  let shell: {
    sidebar: HTMLElement;
    stage: HTMLElement;
    overlay: HTMLElement;
    mapLayer: HTMLElement;
    stageStatus: HTMLElement;
  } | null = null;
  let sidebarOpen = false;

  const killWorkspace = (): void => {
    mounted.forEach((part) => part.kill());
    mounted = [];
    map?.kill();
    map = null;
    shell = null;
  };

  const buildWorkspace = (): void => {
    const controls = mountControls();
    const filters = mountFilters();
    const legend = mountLegend();
    const timeline = mountTimeline();
    const details = mountDetails();
    const dashboard = mountDashboard();
    const table = mountTable();
    const zoom = h(
      'div',
      { class: 'zoom-controls', role: 'group' },
      h(
        'button',
        {
          type: 'button',
          class: 'button icon-button',
          'data-zoom': 'in',
          on: { click: () => map?.handle()?.zoom('in') },
        },
        '+',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button icon-button',
          'data-zoom': 'out',
          on: { click: () => map?.handle()?.zoom('out') },
        },
        '−',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button icon-button',
          'data-zoom': 'reset',
          on: { click: () => resetCamera() },
        },
        '⟲',
      ),
    );
    map = mountMapView({
      // The legend floats over the map's left side: keep the network clear of it when fitting.
      insets: () => ({
        left:
          legend.element instanceof HTMLDetailsElement &&
          legend.element.open &&
          legend.element.offsetWidth > 0
            ? legend.element.offsetLeft + legend.element.offsetWidth
            : 0,
        right: zoom.offsetWidth > 0 ? zoom.offsetWidth + 10 : 0,
      }),
    });
    mounted = [controls, filters, legend, timeline, details, dashboard, table];
    const stageStatus = h('div', { class: 'stage-status' });
    const mapLayer = h(
      'div',
      { class: 'map-layer' },
      map.element,
      legend.element,
      zoom,
      stageStatus,
      timeline.element,
    );
    const overlay = h('div', { class: 'overlay' }, dashboard.element, table.element);
    const stage = h('main', { id: 'main', class: 'stage', tabindex: '-1' }, mapLayer, overlay);
    const sidebar = h('aside', { id: 'sidebar', class: 'sidebar' }, controls.element, filters.element);
    shell = { sidebar, stage, overlay, mapLayer, stageStatus };
    render(workspace, sidebar, stage, details.element);
  };

  const drawChrome = (): void => {
    const locale = localeStore.get();
    const view = viewStore.get();
    const data = dataStore.get();
    skip.textContent = t('app.skip');
    tabs.setAttribute('aria-label', t('app.views'));
    render(
      tabs,
      TABS.map((tab) =>
        h(
          'button',
          {
            type: 'button',
            class: 'tab',
            'aria-pressed': String(view.tab === tab),
            'data-testid': `tab-${tab}`,
            'data-focus-key': `tab-${tab}`,
            on: { click: () => setView({ tab }) },
          },
          t(`app.tabs.${tab}`),
        ),
      ),
    );
    languages.setAttribute('aria-label', t('app.language'));
    render(languages, languageButtons(locale));
    exportButton.textContent = t('app.exportPng');
    uploadButton.textContent = t('app.upload');
    exportButton.disabled = view.tab !== 'map' || !map?.handle();
    sidebarToggle.textContent = t('app.sidebar');
    sidebarToggle.setAttribute('aria-expanded', String(sidebarOpen));

    const boot =
      data.boot.status === 'ready' ? data.boot.data : data.boot.status !== 'idle' ? data.boot.previous : null;
    datasetName.textContent = boot?.dataset.name ?? '';
    const synthetic = boot?.dataset.synthetic === true;
    banner.hidden = !synthetic;
    if (synthetic) {
      // Both languages: a screenshot or a shared link must carry the warning whoever reads it.
      render(
        banner,
        h('strong', null, t('banner.synthetic')),
        ' ',
        h(
          'span',
          { lang: otherLocale(), class: 'banner-other' },
          formatMessage(CATALOGUES[otherLocale()], otherLocale(), 'banner.synthetic'),
        ),
      );
    }

    // Who is asking decides what can be shown at all.
    const session = sessionStore.get().info;
    const role = session.status === 'ready' ? session.data.role : 'public';
    uploadButton.hidden = !hasRole(role, 'coordinator');
    render(localSlot, session.status === 'ready' && session.data.mode === 'local' ? localBanner() : null);
    if (session.status !== 'ready' || role === 'public') {
      killWorkspace();
      if (session.status === 'error') {
        render(
          workspace,
          h(
            'main',
            { id: 'main', class: 'stage-message' },
            errorBlock(session.error, () => void loadSession()),
          ),
        );
      } else if (session.status !== 'ready') {
        render(workspace, h('main', { id: 'main', class: 'stage-message' }, loadingBlock()));
      } else if (session.data.mode === 'accounts') {
        signIn ??= signInForm();
        if (!workspace.contains(signIn)) render(workspace, signIn);
      } else {
        render(
          workspace,
          h(
            'main',
            { id: 'main', class: 'stage-message' },
            emptyBlock(t('session.remoteLocalTitle'), t('session.remoteLocalHint')),
          ),
        );
      }
      return;
    }

    // Workspace by boot state.
    if (data.boot.status === 'ready' && data.boot.data.dataset.organizations > 0) {
      if (!shell) buildWorkspace();
    } else {
      killWorkspace();
      if (data.boot.status === 'error') {
        render(
          workspace,
          h(
            'main',
            { id: 'main', class: 'stage-message' },
            errorBlock(data.boot.error, () => void retryAll()),
          ),
        );
      } else if (data.boot.status === 'ready') {
        render(
          workspace,
          h(
            'main',
            { id: 'main', class: 'stage-message' },
            emptyBlock(t('status.empty.title'), t('status.empty.hint')),
          ),
        );
      } else {
        render(
          workspace,
          h('main', { id: 'main', class: 'stage-message' }, loadingBlock(t('status.loadingDataset'))),
        );
      }
      return;
    }
    if (!shell) return;
    for (const button of shell.stage.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      const label = t(
        `map.${button.dataset.zoom === 'in' ? 'zoomIn' : button.dataset.zoom === 'out' ? 'zoomOut' : 'reset'}`,
      );
      button.setAttribute('aria-label', label);
      button.title = label;
    }
    shell.sidebar.classList.toggle('open', sidebarOpen);
    shell.stage.dataset.tab = view.tab;
    shell.overlay.hidden = view.tab === 'map';
    // The map stays mounted under the other views (sigma needs a sized container); hide it from AT.
    shell.mapLayer.inert = view.tab !== 'map';
    const network = data.network;
    const layout = layoutStore.get();
    if (network.status === 'error') {
      render(
        shell.stageStatus,
        errorBlock(network.error, () => void loadNetwork(view.mode, true)),
      );
    } else if (network.status !== 'ready') {
      render(shell.stageStatus, loadingBlock(t('status.loadingNetwork')));
    } else if (layout.status === 'running') {
      render(
        shell.stageStatus,
        h(
          'div',
          { class: 'layout-progress', role: 'status' },
          t('controls.layoutRunning', { percent: Math.round(layout.progress * 100) }),
        ),
      );
    } else {
      render(shell.stageStatus);
    }
    shell.stageStatus.hidden = shell.stageStatus.childElementCount === 0;
  };

  exportButton.addEventListener('click', () => {
    const sigma = map?.handle()?.sigma;
    const view = viewStore.get();
    if (!sigma) return;
    const name =
      view.diffFrom !== null ? `kopru-${view.diffFrom}-${view.wave ?? ''}` : `kopru-${view.wave ?? 'map'}`;
    void downloadPng(sigma, `${name}.png`);
  });
  sidebarToggle.addEventListener('click', () => {
    sidebarOpen = !sidebarOpen;
    drawChrome();
    if (sidebarOpen) shell?.sidebar.querySelector<HTMLElement>('button, input, select')?.focus();
  });
  // The drawer (narrow screens) closes with Escape or a click on the map, like any drawer.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !sidebarOpen) return;
    sidebarOpen = false;
    drawChrome();
    sidebarToggle.focus();
  });
  workspace.addEventListener('pointerdown', (event) => {
    if (!sidebarOpen || !shell || shell.sidebar.contains(event.target as Node)) return;
    sidebarOpen = false;
    drawChrome();
  });

  bind(root, [dataStore, viewStore, localeStore, layoutStore, sessionStore], drawChrome);
}
