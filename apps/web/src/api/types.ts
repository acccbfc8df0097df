/** Names for the generated API types the UI passes around. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Me = Json<paths['/api/me']['get']['responses'][200]>;
export type Permission = Me['user']['permissions'][number];
export type Role = Me['user']['roles'][number]['role'];
export type Location = Json<paths['/api/locations']['get']['responses'][200]>['items'][number];
export type LocationInput = Json<paths['/api/locations']['post']['requestBody']>;
