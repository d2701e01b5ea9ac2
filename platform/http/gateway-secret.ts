/** The header by which the gateway proves a request came through it (each subgraph has its own secret). */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';
