/**
 * The item layout of a de-instanced program (client/src/sigma/plain-draws.ts). The programs here
 * stand in for sigma's Program objects with the same fields; that sigma's real programs draw the
 * same picture is checked in the browser (tests/e2e/map.test.ts renders, clicks and hovers the map).
 */
import { describe, expect, it } from 'vitest';
import { deinstance } from '../../../../client/src/sigma/plain-draws';

const FLOAT = 5126;
const UNSIGNED_BYTE = 5121;

/** Shaped like sigma 4's node program: 3 floats per item (index, packed id, opacity), 4 corners. */
function fakeProgram() {
  const program = {
    isInstanced: true,
    VERTICES: 4,
    METHOD: 5,
    STRIDE: 3,
    ATTRIBUTES: [
      { name: 'a_nodeIndex', size: 1, type: FLOAT },
      { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      { name: 'a_opacity', size: 1, type: FLOAT },
    ],
    ATTRIBUTES_ITEMS_COUNT: 3,
    CONSTANT_ATTRIBUTES: [{ name: 'a_quadCorner', size: 2, type: FLOAT }],
    CONSTANT_DATA: [
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ],
    capacity: 0,
    floats: new Float32Array(0),
    ints: new Uint32Array(0),
    generation: 0,
    bound: [] as string[],
    reallocate(capacity: number) {
      if (capacity === this.capacity) return;
      this.capacity = capacity;
      const vertices = this.isInstanced ? capacity : capacity * this.VERTICES;
      this.floats = new Float32Array(vertices * this.ATTRIBUTES_ITEMS_COUNT);
      this.ints = new Uint32Array(this.floats.buffer);
    },
    // As sigma's NodeProgram.process: one item at offset * STRIDE, the id as a packed integer.
    process(id: number, offset: number, data: { index: number; opacity: number }) {
      const at = offset * this.STRIDE;
      this.floats[at] = data.index;
      this.ints[at + 1] = id;
      this.floats[at + 2] = data.opacity;
    },
    bindProgram(info: { attributeLocations: Record<string, number> }) {
      this.bound.push(...Object.keys(info.attributeLocations));
    },
    invalidateBuffers() {
      this.generation++;
    },
  };
  return program;
}

describe('deinstance', () => {
  it('turns a 4-vertex strip into two triangles per item, each vertex with the item and its corner', () => {
    const program = fakeProgram();
    expect(deinstance(program)).toBe(true);
    expect(program.isInstanced).toBe(false);
    expect(program.METHOD).toBe(4); // TRIANGLES
    expect(program.VERTICES).toBe(6);
    expect(program.ATTRIBUTES.map((a) => a.name)).toEqual([
      'a_nodeIndex',
      'a_id',
      'a_opacity',
      'a_quadCorner',
    ]);
    expect(program.ATTRIBUTES_ITEMS_COUNT).toBe(5);
    expect(program.STRIDE).toBe(30);
    expect(program.generation).toBe(1);

    program.reallocate(2);
    expect(program.floats.length).toBe(60);
    // An id whose bit pattern is a NaN as a float: it must be copied byte for byte.
    const id = 0xffc00001;
    program.process(id, 1, { index: 7, opacity: 0.5 });
    const vertices = Array.from({ length: 6 }, (_, v) => {
      const at = 30 + v * 5;
      return {
        index: program.floats[at],
        id: program.ints[at + 1],
        opacity: program.floats[at + 2],
        corner: [program.floats[at + 3], program.floats[at + 4]],
      };
    });
    // Strip 0-1-2-3 → triangles (0, 1, 2) and (1, 2, 3).
    expect(vertices.map((v) => v.corner)).toEqual([
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ]);
    for (const vertex of vertices) {
      expect(vertex.index).toBe(7);
      expect(vertex.id).toBe(id);
      expect(vertex.opacity).toBe(0.5);
    }
    // Item 0 untouched.
    expect(Array.from(program.floats.subarray(0, 30)).every((value) => value === 0)).toBe(true);
    // process() restored the program's own buffer and stride.
    expect(program.STRIDE).toBe(30);
    expect(program.floats.length).toBe(60);
  });

  it('leaves anything that is not an instanced triangle-strip program alone', () => {
    const plain = { ...fakeProgram(), isInstanced: false };
    expect(deinstance(plain)).toBe(false);
    expect(plain.VERTICES).toBe(4);
    const points = { ...fakeProgram(), METHOD: 0 };
    expect(deinstance(points)).toBe(false);
    expect(deinstance(null)).toBe(false);
    expect(deinstance({})).toBe(false);
  });
});
