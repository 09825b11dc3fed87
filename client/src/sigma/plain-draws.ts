/**
 * Draws sigma's nodes and ties without instancing (plain triangle lists).
 *
 * Sigma 4 draws every node and every tie as one instance of a 4-vertex quad (`drawArraysInstanced`).
 * Without a GPU, Chromium runs WebGL in SwiftShader, which pays a fixed setup cost per instance: in
 * headless Chromium on this project's machine 20 000 instanced quads took 420 ms to draw, the same
 * 20 000 quads as a plain triangle list 23 ms (bench/browser/map-experiment.ts, `--micro`). Sigma's node
 * program alone was ~1 s of every frame at 20 000 organizations, its tie program ~3.5 s at 100 000 ties.
 *
 * This rewrites the two programs of one Sigma instance, before any item is processed, into
 * non-instanced programs drawing the same shaders: the per-vertex constant attributes (the quad corner,
 * the tie zones) become ordinary attributes, and each item is written as two triangles (6 vertices)
 * carrying its own copy of the per-item attributes. Sigma's own Program base class supports
 * non-instanced programs (it chooses by `isInstanced`); only the item layout is ours. A GPU draws
 * both forms at the same speed, so nothing depends on the machine.
 *
 * Relies on sigma 4.0 internals (`nodeProgram`, `edgeProgram`, `Program.process` writing the item at
 * `offset * STRIDE`); `patchPrograms` checks them and leaves sigma untouched when they differ.
 */
interface Attribute {
  name: string;
  size: number;
  type: number;
  normalized?: boolean;
}

interface ProgramInfo {
  gl: { vertexAttribDivisor(location: number, divisor: number): void };
  attributeLocations: Record<string, number>;
}

/** The parts of sigma's Program class (sigma/rendering, 4.0) this module rewrites. */
interface InstancedProgram {
  isInstanced: boolean;
  VERTICES: number;
  METHOD: number;
  STRIDE: number;
  ATTRIBUTES: Attribute[];
  ATTRIBUTES_ITEMS_COUNT: number;
  CONSTANT_ATTRIBUTES: Attribute[];
  CONSTANT_DATA: number[][];
  capacity: number;
  floats: Float32Array;
  ints: Uint32Array;
  normalProgram: ProgramInfo;
  pickProgram: ProgramInfo | null;
  process(index: number, offset: number, ...rest: unknown[]): void;
  bindProgram(program: ProgramInfo): void;
  invalidateBuffers(): void;
}

const TRIANGLE_STRIP = 5;
const TRIANGLES = 4;

function isInstancedProgram(value: unknown): value is InstancedProgram {
  const program = value as Partial<InstancedProgram> | null;
  return (
    program !== null &&
    typeof program === 'object' &&
    program.isInstanced === true &&
    program.METHOD === TRIANGLE_STRIP &&
    typeof program.VERTICES === 'number' &&
    program.VERTICES >= 3 &&
    Array.isArray(program.ATTRIBUTES) &&
    Array.isArray(program.CONSTANT_ATTRIBUTES) &&
    Array.isArray(program.CONSTANT_DATA) &&
    program.CONSTANT_DATA.length === program.VERTICES &&
    typeof program.ATTRIBUTES_ITEMS_COUNT === 'number' &&
    typeof program.process === 'function' &&
    typeof program.bindProgram === 'function'
  );
}

/**
 * Turns one instanced triangle-strip program into a non-instanced triangle list. Returns false (and
 * changes nothing) when the program does not look as expected.
 */
export function deinstance(value: unknown): boolean {
  if (!isInstancedProgram(value)) return false;
  const program = value;
  const itemFloats = program.ATTRIBUTES_ITEMS_COUNT;
  const corners = program.CONSTANT_DATA;
  const cornerFloats = corners[0]!.length;
  // Strip vertices i, i+1, i+2 make triangle i (winding does not matter: sigma never culls faces).
  const order: number[] = [];
  for (let i = 0; i + 2 < corners.length; i++) order.push(i, i + 1, i + 2);
  const vertexFloats = itemFloats + cornerFloats;
  const cornerData = corners.map((corner) => Float32Array.from(corner));

  program.ATTRIBUTES = [...program.ATTRIBUTES, ...program.CONSTANT_ATTRIBUTES];
  program.CONSTANT_ATTRIBUTES = [];
  program.CONSTANT_DATA = [];
  program.isInstanced = false;
  program.VERTICES = order.length;
  program.METHOD = TRIANGLES;
  program.ATTRIBUTES_ITEMS_COUNT = vertexFloats;
  program.STRIDE = order.length * vertexFloats;
  // Force the next reallocate() to size the buffer for the new layout.
  program.capacity = -1;

  // Sigma's process() writes one item at `offset * STRIDE`: let it write into a one-item scratch
  // buffer, then copy that item into each of its vertices, followed by the vertex's corner data.
  const scratch = new Float32Array(itemFloats);
  const scratchInts = new Uint32Array(scratch.buffer);
  const process = program.process;
  program.process = function (this: InstancedProgram, index, offset, ...rest) {
    const { floats, ints, STRIDE } = this;
    this.floats = scratch;
    this.ints = scratchInts;
    this.STRIDE = itemFloats;
    try {
      process.call(this, index, 0, ...rest);
    } finally {
      this.floats = floats;
      this.ints = ints;
      this.STRIDE = STRIDE;
    }
    // Copied through the integer view: bit for bit, packed ids included. Plain loops: this runs
    // six times per item, 250 000 items on the largest maps.
    let at = offset * STRIDE;
    for (const corner of order) {
      const cornerValues = cornerData[corner]!;
      for (let k = 0; k < itemFloats; k++) ints[at + k] = scratchInts[k]!;
      for (let k = 0; k < cornerFloats; k++) floats[at + itemFloats + k] = cornerValues[k]!;
      at += vertexFloats;
    }
  };

  // Other sigma programs (labels) draw instanced and may leave a divisor on an attribute location.
  const bindProgram = program.bindProgram;
  program.bindProgram = function (this: InstancedProgram, info) {
    bindProgram.call(this, info);
    for (const attribute of this.ATTRIBUTES) {
      const location = info.attributeLocations[attribute.name];
      if (location !== undefined && location >= 0) info.gl.vertexAttribDivisor(location, 0);
    }
  };
  program.invalidateBuffers();
  return true;
}

/**
 * Rewrites the node and tie programs of a Sigma instance whose graph is still empty. Returns which
 * programs were rewritten.
 */
export function patchPrograms(sigma: object): { nodes: boolean; edges: boolean } {
  const internals = sigma as unknown as { nodeProgram?: unknown; edgeProgram?: unknown };
  return { nodes: deinstance(internals.nodeProgram), edges: deinstance(internals.edgeProgram) };
}
