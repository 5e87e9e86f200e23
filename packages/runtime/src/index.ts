export * from './service/ProductService.ts';
