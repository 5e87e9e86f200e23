/**
 * How deep calls between products may nest (A calls B calls C …). A deeper call is refused: past this
 * it is almost surely a cycle (A calls B calls A), which would otherwise run until every time limit ends.
 */
export const MAX_MESH_CALL_DEPTH = 4;

/** The header a node sends on a mesh run so the callee knows how deep the chain already is. */
export const MESH_CALL_DEPTH_HEADER = 'plexus-call-depth';
