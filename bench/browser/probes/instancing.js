/* global document */
// Evaluated in the benchmark page by bench/browser/map-experiment.ts; returns its result.
(() => {
  const c = document.createElement('canvas');
  c.width = 1280;
  c.height = 720;
  document.body.append(c);
  const gl = c.getContext('webgl2', { antialias: false });
  const sh = (t, src) => {
    const s = gl.createShader(t);
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s));
    return s;
  };
  const prog = (vs, fs) => {
    const p = gl.createProgram();
    gl.attachShader(p, sh(gl.VERTEX_SHADER, vs));
    gl.attachShader(p, sh(gl.FRAGMENT_SHADER, fs));
    gl.linkProgram(p);
    return p;
  };
  const fs = '#version 300 es\nprecision highp float; out vec4 o; void main(){ o = vec4(0.2,0.4,0.6,1.0); }';
  const N = 20000;
  const px = new Uint8Array(4);
  const sync = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  const pos = new Float32Array(N * 2);
  for (let i = 0; i < N * 2; i++) pos[i] = Math.random() * 1.8 - 0.9;
  const res = {};
  // instanced
  {
    const p = prog(
      '#version 300 es\nin vec2 a_pos; in vec2 a_corner; void main(){ gl_Position = vec4(a_pos + a_corner*0.004, 0.0, 1.0); }',
      fs,
    );
    gl.useProgram(p);
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    const b1 = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b1);
    gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    let l = gl.getAttribLocation(p, 'a_pos');
    gl.enableVertexAttribArray(l);
    gl.vertexAttribPointer(l, 2, gl.FLOAT, false, 0, 0);
    gl.vertexAttribDivisor(l, 1);
    const b2 = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b2);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    l = gl.getAttribLocation(p, 'a_corner');
    gl.enableVertexAttribArray(l);
    gl.vertexAttribPointer(l, 2, gl.FLOAT, false, 0, 0);
    for (const n of [2000, 20000]) {
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, n);
      sync();
      const t = performance.now();
      for (let k = 0; k < 3; k++) {
        gl.clear(gl.COLOR_BUFFER_BIT);
        gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, n);
        sync();
      }
      res['instanced' + n] = ((performance.now() - t) / 3).toFixed(1);
    }
    gl.bindVertexArray(null);
  }
  // non-instanced triangles
  {
    const p = prog('#version 300 es\nin vec2 a_pos; void main(){ gl_Position = vec4(a_pos, 0.0, 1.0); }', fs);
    gl.useProgram(p);
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    const tri = new Float32Array(N * 12);
    const C = [-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1];
    for (let i = 0; i < N; i++)
      for (let k = 0; k < 6; k++) {
        tri[i * 12 + k * 2] = pos[i * 2] + C[k * 2] * 0.004;
        tri[i * 12 + k * 2 + 1] = pos[i * 2 + 1] + C[k * 2 + 1] * 0.004;
      }
    const b = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.bufferData(gl.ARRAY_BUFFER, tri, gl.STATIC_DRAW);
    const l = gl.getAttribLocation(p, 'a_pos');
    gl.enableVertexAttribArray(l);
    gl.vertexAttribPointer(l, 2, gl.FLOAT, false, 0, 0);
    for (const n of [2000, 20000]) {
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.drawArrays(gl.TRIANGLES, 0, n * 6);
      sync();
      const t = performance.now();
      for (let k = 0; k < 3; k++) {
        gl.clear(gl.COLOR_BUFFER_BIT);
        gl.drawArrays(gl.TRIANGLES, 0, n * 6);
        sync();
      }
      res['triangles' + n] = ((performance.now() - t) / 3).toFixed(1);
    }
    // points
    const pp = prog(
      '#version 300 es\nin vec2 a_pos; void main(){ gl_Position = vec4(a_pos, 0.0, 1.0); gl_PointSize = 6.0; }',
      fs,
    );
    gl.useProgram(pp);
    const b3 = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b3);
    gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    const l3 = gl.getAttribLocation(pp, 'a_pos');
    gl.enableVertexAttribArray(l3);
    gl.vertexAttribPointer(l3, 2, gl.FLOAT, false, 0, 0);
    for (const n of [2000, 20000]) {
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.drawArrays(gl.POINTS, 0, n);
      sync();
      const t = performance.now();
      for (let k = 0; k < 3; k++) {
        gl.clear(gl.COLOR_BUFFER_BIT);
        gl.drawArrays(gl.POINTS, 0, n);
        sync();
      }
      res['points' + n] = ((performance.now() - t) / 3).toFixed(1);
    }
  }
  res.renderer = gl.getParameter(gl.RENDERER);
  return res;
})();
