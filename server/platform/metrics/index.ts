export { Counter, Histogram, httpMetrics, renderGauges, renderHttpMetrics, type GaugeSample } from './registry.js';
