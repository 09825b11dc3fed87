/* global window */
// Evaluated in the benchmark page by bench/browser/map-experiment.ts; returns its result.
(() => {
  const s = window.kopruBench.sigma();
  const gl = s.getWebGLContext();
  const px = new Uint8Array(4);
  const sync = () => {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  };
  const times = {};
  const wrap = (obj, name, label) => {
    if (!obj || typeof obj[name] !== 'function' || obj[name].__w) return;
    const orig = obj[name];
    const f = function (...a) {
      const t = performance.now();
      const r = orig.apply(this, a);
      sync();
      times[label] = (times[label] || 0) + performance.now() - t;
      return r;
    };
    f.__w = true;
    obj[name] = f;
  };
  wrap(s, 'processData', 'processData');
  wrap(s, 'refreshState', 'refreshState');
  wrap(s, 'clear', 'clear');
  wrap(s.edgeFramePass, 'run', 'edgeFramePass');
  wrap(s.nodeFramePass, 'run', 'nodeFramePass');
  wrap(s.nodeProgram, 'render', 'nodeProgram');
  wrap(s.edgeProgram, 'render', 'edgeProgram');
  wrap(s.nodeProgram, 'uploadLayerTexture', 'nodeUploadLayer');
  wrap(s.edgeProgram, 'uploadAttributeTexture', 'edgeUploadAttr');
  wrap(s.internals.nodeDataTexture, 'upload', 'nodeDataUpload');
  wrap(s.internals.edgeDataTexture, 'upload', 'edgeDataUpload');
  const lr = s.labelRenderer;
  for (const m of [
    'computeDisplayedNodeLabels',
    'buildFramePassPoints',
    'renderBackdrops',
    'renderLabelBackgrounds',
    'renderWebGLLabels',
    'renderAttachments',
    'cacheAttachments',
  ])
    wrap(lr, m, 'label.' + m);
  const cam = s.getCamera();
  const N = 3;
  // warm
  cam.setState({ x: cam.x + 0.001 });
  s.render();
  sync();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    cam.setState({ x: cam.x + 0.001 });
    s.render();
    sync();
  }
  const total = (performance.now() - t0) / N;
  const out = { total: total.toFixed(1) };
  for (const k of Object.keys(times)) out[k] = (times[k] / (N + 1)).toFixed(1);
  return out;
})();
